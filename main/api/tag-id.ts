/** A tag's id, as the core, the project and the UI name it: "<server>/<name>", the server being the connection's id. */
export function tagId(connectionId: string, name: string): string {
  return `${connectionId}/${name}`;
}
