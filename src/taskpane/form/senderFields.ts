/**
 * The letters' sender in the pane: three labelled fields (the authority, Kronofogden by default; its
 * postal address; its telephone), entered once and kept in the browser's storage where the page may
 * use it, so every later letter has them. They fill a NEW "Avsändare" sheet: a workbook that has one
 * already keeps it as it is (its cells are where the sender is changed then), which the hint says.
 */
import { DEFAULT_SENDER, Sender } from "../../sheet/letters";
import { h } from "../ui/dom";
import { UI_TEXT } from "../ui/messages";
import { browserStorage } from "../ui/storage";

const STORAGE_KEY = "atertag:sender";

/** Where the sender is kept between sessions; null where storage is blocked. */
type SenderStorage = Pick<Storage, "getItem" | "setItem"> | null;

/** The sender stored earlier, or the default; a stored value that is not a sender is ignored. */
function storedSender(storage: SenderStorage): Sender {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(STORAGE_KEY) ?? "null");
    if (parsed === null || typeof parsed !== "object") return { ...DEFAULT_SENDER };
    const fields = parsed as Record<string, unknown>;
    const text = (key: keyof Sender) =>
      typeof fields[key] === "string" ? (fields[key] as string) : DEFAULT_SENDER[key];
    return { authority: text("authority"), address: text("address"), telephone: text("telephone") };
  } catch {
    return { ...DEFAULT_SENDER };
  }
}

/**
 * The sender fields inside a `<fieldset>` with its legend and hint; `sender()` reads them (an
 * emptied authority falls back to Kronofogden). Each edit is stored at once.
 */
export function senderFields(idPrefix: string, storage: SenderStorage = browserStorage()) {
  const initial = storedSender(storage);
  const inputs = {} as Record<keyof Sender, HTMLInputElement>;
  const rows = (["authority", "address", "telephone"] as const).map((key) => {
    const id = `${idPrefix}-sender-${key}`;
    const type = key === "telephone" ? "tel" : "text";
    const input = h("input", { type, id, value: initial[key], autocomplete: "off" });
    inputs[key] = input;
    return h("div", { class: "field" }, h("label", { for: id }, UI_TEXT.senderLabels[key]), input);
  });
  const sender = (): Sender => ({
    authority: inputs.authority.value.trim() || DEFAULT_SENDER.authority,
    address: inputs.address.value.trim(),
    telephone: inputs.telephone.value.trim(),
  });
  const store = () => {
    try {
      storage?.setItem(STORAGE_KEY, JSON.stringify(sender()));
    } catch {
      // storage full or blocked: the fields still hold the sender for this session
    }
  };
  for (const input of Object.values(inputs)) input.addEventListener("change", store);
  const element = h(
    "fieldset",
    { class: "sender" },
    h("legend", {}, UI_TEXT.senderLegend),
    h("p", { class: "hint" }, UI_TEXT.senderHint),
    ...rows,
  );
  return { element, sender };
}
