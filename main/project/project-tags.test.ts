import { describe, expect, it } from 'vitest';
import { demoProject } from './demo-project.js';
import { projectConnections } from './project-connections.js';
import { withoutTags, withTags } from './project-tags.js';

describe('withTags', () => {
  it('appends the tags to their server with the subscription they were added with, history on', () => {
    const project = demoProject();
    const next = withTags(project, 'demo', [
      { name: 'Extra', description: 'from the browser', nodeId: 'ns=1;s=Extra', samplingInterval: 250, publishingInterval: 1000, queueSize: 8, deadband: { type: 'absolute', value: 0.1 } },
      { name: 'Plain', description: '', nodeId: 'ns=1;s=Plain', samplingInterval: 100 },
    ]);
    expect(next.tags.slice(0, project.tags.length)).toEqual(project.tags);
    expect(next.tags.slice(project.tags.length)).toEqual([
      { name: 'Extra', server: 'demo', nodeId: 'ns=1;s=Extra', description: 'from the browser', samplingInterval: 250, publishingInterval: 1000, queueSize: 8, deadband: { type: 'absolute', value: 0.1 }, history: true },
      { name: 'Plain', server: 'demo', nodeId: 'ns=1;s=Plain', description: '', samplingInterval: 100, history: true },
    ]);
    // What is saved runs as it was added.
    const demo = projectConnections(next, () => 'opc.tcp://h:1')[0]!;
    expect(demo.tags.find((t) => t.name === 'Extra')).toEqual({ name: 'Extra', description: 'from the browser', nodeId: 'ns=1;s=Extra', samplingInterval: 250, publishingInterval: 1000, queueSize: 8, deadband: { type: 'absolute', value: 0.1 } });
  });
});

describe('withoutTags', () => {
  it('drops the named tags and keeps the rest in order', () => {
    const project = demoProject();
    const next = withoutTags(project, ['demo/Pump1.RunHours', 'demo/Supply.Temperature']);
    expect(next.tags.map((t) => t.name)).toEqual(project.tags.map((t) => t.name).filter((n) => n !== 'Pump1.RunHours' && n !== 'Supply.Temperature'));
  });

  it('removes nothing when one id is not in the project, and names it', () => {
    expect(() => withoutTags(demoProject(), ['demo/Pump1.RunHours', 'demo/Nope'])).toThrow('the project has no tag "demo/Nope"');
  });
});
