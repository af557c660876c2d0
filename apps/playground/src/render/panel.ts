import { findSource } from "../find-source.js";
import type { FieldSpec, FieldValues, OperationSpec } from "../operations.js";
import { summarize } from "../result-summary.js";
import type { RunResult } from "../run-operation.js";
import type { Mode, Target } from "../settings.js";
import { h, uniqueId } from "./dom.js";
import { resultView } from "./result-view.js";

export interface PanelContext {
  mode: Mode;
  target: () => Target;
  run: (operation: OperationSpec, values: FieldValues) => Promise<RunResult>;
  /** Called after each run, e.g. sign-in hands its token to the settings. */
  onResult: (operation: OperationSpec, result: RunResult) => void;
}

function fieldView(field: FieldSpec, target: Target): { element: HTMLElement; input: HTMLInputElement } {
  const id = uniqueId(field.name);
  const initial = field.initial(target);
  const input = h("input", {
    id,
    name: field.name,
    type: field.kind,
    autocomplete: field.autocomplete ?? "off",
    placeholder: field.placeholder,
    inputmode: field.inputmode,
  });
  if (field.kind === "checkbox") {
    input.checked = initial === true;
    return {
      element: h("div", { class: "field check" }, input, h("label", { for: id }, field.label)),
      input,
    };
  }
  input.value = typeof initial === "string" ? initial : "";
  return { element: h("div", { class: "field" }, h("label", { for: id }, field.label), input), input };
}

/** Live mode: fill `source` from the entered server's /identity, through the proxy. */
function sourceFinder(input: HTMLInputElement, context: PanelContext): HTMLElement {
  const note = h("span", { class: "muted small", "aria-live": "polite" });
  const button = h("button", { type: "button", class: "chip" }, "Find from the server URL");
  button.addEventListener("click", async () => {
    const serverURL = context.target().serverURL;
    if (serverURL === undefined) {
      note.textContent = "Enter the server URL in Settings first.";
      return;
    }
    note.textContent = "Asking /identity…";
    try {
      input.value = await findSource(serverURL);
      note.textContent = "";
    } catch (error) {
      note.textContent = `Could not read it: ${error instanceof Error ? error.message : String(error)}`;
    }
  });
  return h("div", { class: "presets" }, button, note);
}

/** One card per operation: its inputs, a button named for the operation, and the last result. */
export function panelView(operation: OperationSpec, context: PanelContext): HTMLElement {
  const headingId = uniqueId(`${operation.id}-title`);
  const fields = operation.fields.map((field) => ({ field, ...fieldView(field, context.target()) }));
  const output = h("div", { class: "output", "aria-live": "polite" });
  const button = h("button", { type: "submit", class: "primary" }, operation.action);

  const values = (): FieldValues =>
    Object.fromEntries(
      fields.map(({ field, input }) => [field.name, field.kind === "checkbox" ? input.checked : input.value]),
    );

  const presets =
    context.mode === "demo" && operation.demoPresets !== undefined
      ? h(
          "div",
          { class: "presets", role: "group", "aria-label": `${operation.title} demo scenarios` },
          h("span", { class: "muted" }, "Demo scenarios:"),
          ...operation.demoPresets.map((preset) =>
            h(
              "button",
              {
                type: "button",
                class: "chip",
                onclick: () => {
                  for (const { field, input } of fields) {
                    const value = preset.values[field.name];
                    if (value === undefined) continue;
                    if (field.kind === "checkbox") input.checked = value === true;
                    else input.value = String(value);
                  }
                },
              },
              preset.label,
            ),
          ),
        )
      : null;

  const sourceField = fields.find(({ field }) => field.name === "source");
  const finder =
    context.mode === "live" && sourceField !== undefined ? sourceFinder(sourceField.input, context) : null;

  const form = h(
    "form",
    {
      onsubmit: async (event: Event) => {
        event.preventDefault();
        button.disabled = true;
        button.textContent = "Running…";
        output.replaceChildren(h("p", { class: "muted" }, "Sending…"));
        const result = await context.run(operation, values());
        output.replaceChildren(
          resultView(result, result.ok ? summarize(operation.id, result.response.data) : undefined),
        );
        button.disabled = false;
        button.textContent = operation.action;
        context.onResult(operation, result);
      },
    },
    ...fields.map(({ element }) => element),
    finder,
    presets,
    h("div", { class: "actions" }, button),
  );

  return h(
    "section",
    { class: "panel", "aria-labelledby": headingId, "data-operation": operation.id },
    h("h2", { id: headingId }, operation.title),
    h("p", { class: "muted" }, operation.description),
    h("code", { class: "call" }, operation.call),
    form,
    output,
  );
}
