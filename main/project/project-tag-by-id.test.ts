import { describe, expect, it } from 'vitest';
import { demoProject } from './demo-project.js';
import { tagId } from '../api/tag-id.js';
import { projectTagById } from './project-tag-by-id.js';
import { withTags } from './project-tags.js';

describe('projectTagById', () => {
  it('finds a tag by "<server>/<name>", and a changed project is looked up afresh', () => {
    const project = demoProject();
    const first = project.tags[0]!;
    expect(projectTagById(project, tagId(first.server, first.name))).toBe(first);
    expect(projectTagById(project, `${first.server}/NoSuchTag`)).toBeUndefined();
    const grown = withTags(project, first.server, [{ name: 'Added', description: '', nodeId: 'ns=1;s=Added', samplingInterval: 100 }]);
    expect(projectTagById(grown, `${first.server}/Added`)?.nodeId).toBe('ns=1;s=Added');
    expect(projectTagById(project, `${first.server}/Added`)).toBeUndefined();
  });
});
