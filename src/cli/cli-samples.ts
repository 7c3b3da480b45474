/** Pastes the CLI tests feed it (the TS SDK's uncaught 1102, as node prints it; a server 404 envelope). */
export const TS_1102_TRACE = [
  "ResonateError: Function 'chargeCard' (version 1) is already registered",
  '    at Object.REGISTRY_FUNCTION_ALREADY_REGISTERED (file:///home/dev/app/node_modules/@resonatehq/sdk/dist/src/exceptions.js:38:16)',
  '    at Registry.add (file:///home/dev/app/node_modules/@resonatehq/sdk/dist/src/registry.js:17:30)',
  '    at Resonate.register (file:///home/dev/app/node_modules/@resonatehq/sdk/dist/src/resonate.js:153:23)',
  '    at file:///home/dev/app/register.mjs:11:10 {',
  "  code: '02',",
  "  type: 'Registry',",
  "  href: 'https://rn8.io/e/1102',",
  '  retriable: false,',
  '  [cause]: undefined',
  '}',
  '',
  'Node.js v20.20.2',
].join('\n');

export const SERVER_404 = '{"kind":"promise.get","head":{"corrId":"c1","status":404,"version":"2026-04-01"},"data":"Promise not found"}';
