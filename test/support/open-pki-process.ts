// Opens the app's PKI in a process of its own, for the test that runs it with no
// executables on PATH: whatever it needs, it must not be an OpenSSL binary.
import { OpcuaPki } from '../../main/opcua/opcua-pki.js';

const logs: string[] = [];
try {
  const pki = await OpcuaPki.open(process.argv[2] ?? '', (level, message) => logs.push(`${level} ${message}`));
  process.send?.({ ok: true, applicationUri: pki.applicationUri, certificateFile: pki.certificateFile, logs });
  await pki.dispose();
} catch (error) {
  process.send?.({ ok: false, error: error instanceof Error ? error.stack : String(error), logs });
}
process.disconnect?.();
