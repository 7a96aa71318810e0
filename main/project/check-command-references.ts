import { argumentTypeProblem } from '../auth/bind-command-arguments.js';
import type { ProjectIssue } from './project-error.js';
import type { ProjectCommand } from './project-schema.js';

/** Command names unique, servers and pulse tags known, fixed argument values of their declared type. */
export function checkCommandReferences(commands: readonly ProjectCommand[], serverIds: ReadonlySet<string>, tagIds: ReadonlySet<string>): ProjectIssue[] {
  const issues: ProjectIssue[] = [];
  const names = new Set<string>();
  commands.forEach((command, i) => {
    const at = `commands[${i}]`;
    if (names.has(command.name)) issues.push({ path: `${at}.name`, message: `duplicate command name "${command.name}"` });
    names.add(command.name);
    if (!serverIds.has(command.server)) issues.push({ path: `${at}.server`, message: `unknown server "${command.server}"` });
    switch (command.kind) {
      case 'pulse':
        if (!tagIds.has(command.tag)) issues.push({ path: `${at}.tag`, message: `unknown tag "${command.tag}"` });
        else if (!command.tag.startsWith(`${command.server}/`)) issues.push({ path: `${at}.tag`, message: `"${command.tag}" is not on the command's server "${command.server}"` });
        break;
      case 'method': {
        const argumentNames = new Set<string>();
        command.arguments.forEach((argument, j) => {
          if (argumentNames.has(argument.name)) issues.push({ path: `${at}.arguments[${j}].name`, message: `duplicate argument name "${argument.name}"` });
          argumentNames.add(argument.name);
          const problem = argument.value === undefined ? null : argumentTypeProblem(argument.dataType, argument.value);
          if (problem !== null) issues.push({ path: `${at}.arguments[${j}].value`, message: problem });
        });
        break;
      }
    }
  });
  return issues;
}
