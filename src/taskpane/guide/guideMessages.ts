/**
 * The texts of the guided mode's view (guideView.ts), in Swedish. The steps' own titles, results and
 * reasons come from the model (src/guide/texts.ts); field labels and messages from the contract
 * schema and the engine's catalogue, as in the form.
 */
export const GUIDE_UI_TEXT = {
  heading: "Steg för steg",
  modeForm: "Formulär",
  modeGuide: "Steg för steg",
  modeChoice: "Arbetssätt",
  stepList: "Stegen",
  stepHeading: (n: number, total: number, title: string) => `Steg ${n} av ${total}: ${title}`,
  next: (title: string) => `Nästa: ${title}`,
  back: "Tillbaka",
  editInputs: "Ändra uppgifterna i steget",
  result: "Resultat",
  why: "Varför",
  checks: "Att granska",
  inputs: "Uppgifter i steget",
  noInputs: "Steget har inga egna uppgifter; det bygger på stegen före.",
  fixBelow: "Rätta uppgifterna nedan:",
  fillIn: "Fyll i uppgifterna nedan; resultatet visas när de är kompletta och giltiga.",
  waiting: (n: number, title: string) =>
    `Resultatet visas när uppgifterna i steg ${n} (${title}) är ifyllda och giltiga.`,
  goToStep: (n: number) => `Gå till steg ${n}`,
  goToField: "Gå till fältet",
  stale: "Räknas om när du har skrivit klart …",
  excelNote:
    "Kontraktet från den markerade raden. Ändringar du gör här stannar i rutan; raden i arbetsboken ändras aldrig.",
  excelStart: "Gå igenom markerad rad",
  excelStartHelp:
    "Går igenom den markerade radens kontrakt steg för steg, som i arbetsgången för återtagning.",
  excelClose: "Stäng steg för steg",
  standaloneNote: "Samma kontrakt som i formuläret; ändringar här följer med dit.",
  lettersExcel: "Skapa beräkningsblad med brev",
  lettersStandalone: "Ladda ner .xlsx med brev",
  lettersBusy: "Skapar bladen …",
  lettersHelp: (letter: string) =>
    `Beräkningsbladet och brevet (${letter}) och beräkningen vid återtagningen, som utkast.`,
  lettersNeedValue: "Ange godsets värde (steg 5) för att välja brev.",
} as const;
