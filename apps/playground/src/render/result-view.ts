import type { SentRequest } from "../capture-fetch.js";
import { describeError } from "../describe-error.js";
import type { ResultSummary } from "../result-summary.js";
import type { RunResult } from "../run-operation.js";
import { dataTree } from "./data-tree.js";
import { h } from "./dom.js";

function sentView(sent: SentRequest[]): HTMLElement {
  if (sent.length === 0) {
    return h("p", { class: "muted" }, "Nothing was sent: the SDK refused the input before any request.");
  }
  const attempts = sent.map((request, index) =>
    h(
      "div",
      { class: "sent" },
      sent.length > 1 ? h("p", { class: "muted" }, `Attempt ${index + 1}`) : null,
      h("code", { class: "request-line" }, `${request.method} ${request.url}`),
      h(
        "dl",
        { class: "headers" },
        ...request.headers.flatMap(([name, value]) => [h("dt", {}, name), h("dd", {}, value)]),
      ),
      request.body === undefined ? null : h("code", { class: "request-body" }, request.body),
    ),
  );
  return h("details", { class: "sent-block", open: true }, h("summary", {}, "Request as sent"), ...attempts);
}

function formatMs(ms: number): string {
  return `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
}

/** A button that copies a token without ever showing it. */
export function copyTokenButton(token: string, label = "Copy token"): HTMLElement {
  const button = h("button", { type: "button", class: "chip copy" }, label);
  button.addEventListener("click", () => {
    navigator.clipboard.writeText(token).then(
      () => {
        button.textContent = "Copied";
      },
      () => {
        button.textContent = "Could not copy: use “show” in the tree below";
      },
    );
  });
  return button;
}

function summaryView(summary: ResultSummary): HTMLElement {
  return h(
    "p",
    { class: "summary" },
    h("strong", {}, summary.text),
    summary.token === undefined ? null : " ",
    summary.token === undefined ? null : copyTokenButton(summary.token),
  );
}

/** The outcome of one run: status and time, a one-line summary, the request as sent, then `data` or the typed error. */
export function resultView(result: RunResult, summary?: ResultSummary): HTMLElement {
  if (result.ok) {
    const { response } = result;
    return h(
      "div",
      { class: "result ok", "data-outcome": "ok" },
      h(
        "p",
        { class: "status-line" },
        h("span", { class: "badge ok" }, `HTTP ${response.statusCode}`),
        ` ${formatMs(result.durationMs)} · ${response.contentType || "no content type"}`,
      ),
      summary === undefined ? null : summaryView(summary),
      sentView(result.sent),
      h("h3", {}, "data"),
      dataTree(response.data),
    );
  }
  const error = describeError(result.error);
  const facts = [
    error.code === undefined ? null : `Plex code ${error.code}`,
    error.statusCode === undefined ? null : `HTTP ${error.statusCode}`,
  ].filter((fact): fact is string => fact !== null);
  return h(
    "div",
    { class: "result error", "data-outcome": "error" },
    h(
      "p",
      { class: "status-line" },
      h("span", { class: "badge error" }, error.className),
      ` ${[...facts, formatMs(result.durationMs)].join(" · ")}`,
    ),
    h(
      "div",
      { class: "error-box" },
      h("p", { class: "error-message" }, error.message),
      h("p", { class: "advice" }, h("strong", {}, "What to do: "), error.advice),
      error.issues === undefined
        ? null
        : h("ul", { class: "issues" }, ...error.issues.map((issue) => h("li", {}, issue))),
    ),
    sentView(result.sent),
  );
}
