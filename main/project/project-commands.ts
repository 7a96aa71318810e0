import type { CommandDefinition } from '../auth/command-host.js';
import type { Project } from './project-schema.js';

/** The project's commands as main runs them: each with its permission area and what the confirmation says it does. */
export function projectCommands(project: Pick<Project, 'commands'>): CommandDefinition[] {
  return project.commands.map((command): CommandDefinition => {
    const { name, label, server, critical } = command;
    switch (command.kind) {
      case 'method':
        return {
          name, label, server, critical,
          kind: 'method',
          area: command.area ?? `${server}/${name}`,
          action: `call method ${command.methodId} on ${command.objectId} (server ${server})`,
          arguments: command.arguments,
          objectId: command.objectId,
          methodId: command.methodId,
        };
      case 'pulse':
        return {
          name, label, server, critical,
          kind: 'pulse',
          area: command.area ?? command.tag,
          action: `write ${command.tag} true, then false after ${command.pulseMs} ms`,
          arguments: [],
          tagId: command.tag,
          pulseMs: command.pulseMs,
        };
    }
  });
}
