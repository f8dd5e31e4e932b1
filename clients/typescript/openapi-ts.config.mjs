// One client per function, each generated from its API description: operation names (operationId)
// become the functions, schemas the types. Generated on every run; nothing generated is committed.
const API = ['report-intake', 'incident-lifecycle', 'evidence-vault', 'mailbox', 'deadline-reminder'];

export default API.map((name) => ({
  input: `../../api/${name}.openapi.yaml`,
  output: `generated/${name}`,
  plugins: ['@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk'],
  logs: { file: false },
}));
