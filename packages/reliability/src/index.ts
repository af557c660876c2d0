// The harness the suites of this package share: the operations table, the fault table, the servers and checks.
export { detectBodyLimit } from "./body-limit";
export { demoBehavior } from "./demo-behavior";
export {
  countingFetch,
  type FaultEnv,
  type FetchCount,
  PRIMARY_HOST,
  SECOND_HOST,
  startFaultEnv,
} from "./fault-env";
export {
  type Behavior,
  type FaultServer,
  type FaultServerOptions,
  refusedPort,
  type SeenRequest,
  startFaultServer,
  whileOpen,
} from "./fault-server";
export {
  type Expectation,
  echoed,
  expectationFor,
  FAULTS,
  type Fault,
  MATRIX_CONFIG,
  SHORT_TIMEOUT_MS,
  SLACK_MS,
} from "./faults";
export {
  clientFor,
  type InputField,
  OPERATIONS,
  type OperationRow,
  PIN_WAIT,
  SEEDED_PIN_ID,
  type SentValue,
  SUITE_PRODUCT,
} from "./operations";
export { seededRandom } from "./random";
export { exposures, KNOWN_SECRETS, recordingLogger, renderings, secretsIn } from "./secrets";
