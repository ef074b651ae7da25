/**
 * A refusal to write: the workbook is not as planned (a sheet name taken since it was read, a row
 * that is not empty), so nothing is written. The message is Swedish and complete, for the task pane's
 * alert region as it stands.
 */
export class SheetRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SheetRefusal";
  }
}
