// GOV.UK Frontend's components (error summary focus, details, service navigation menu).
import { initAll } from "./govuk-frontend.min.js";

initAll();
