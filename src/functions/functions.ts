/**
 * The custom functions, registered as =ATERTAG.NAME(...). Each is a thin adapter: coerce the Excel
 * arguments, call the engine, map errors. The ids after @customfunction are fixed so renaming a
 * TypeScript function never breaks a workbook. Parameter lists, once released, only ever get
 * optional parameters appended.
 *
 * The JSDoc blocks are the functions' only documentation, in Swedish like every text a user reads:
 * - Excel shows the description ("Title: what it computes."), each @param (meaning, then unit and
 *   format, as typed in Swedish Excel) and opens @helpurl (custom-functions-metadata writes them to
 *   functions.json);
 * - the help page's function reference (help.html#ID) is generated from functions.json plus the
 *   tags Excel ignores: @formula (the formula in words; X_k and X_(k+1) are subscripts), @remarks
 *   (Markdown), @returns ("Svar: …"), one @throws per error and one @example per worked example
 *   (first line its title; a line starting with "=ATERTAG." is the formula, "Svar:" its result).
 *   See scripts/helpPages.js; test/help.test.ts checks the examples' figures.
 */
import {
  Dec,
  EngineError,
  MAX_INSTALLMENTS,
  PERCENT_RANGE,
  ReferenceRateTable,
  referenceEntriesFromRows,
  STATUTORY_MARGIN_PERCENT,
  actualReduction,
  checkScheduleRepays,
  check,
  lateInterest as lateInterestEngine,
  remainingInstallmentsRule78,
  rule78Reduction,
  statementLines,
} from "../engine";
import { excelNumber } from "./adapter";
import {
  optionalAmount,
  optionalNumber,
  requiredAmount,
  requiredDate,
  requiredInteger,
  optionalRate,
  requiredRate,
} from "./coerce";
import { FUNCTION_TEXT } from "./messages";

// Parameters are typed inline as a union (recorded as "any" in functions.json) because the metadata
// generator rejects type aliases; coerce.ts turns each into a number, a date or an error.

/**
 * Reduceringsbelopp enligt 78-regeln: den del av kreditkostnaden som hör till de avbetalningar som återstår efter återtagandet.
 * @customfunction RULE78
 * @helpurl https://localhost:3000/help.html#RULE78
 * @param remaining Återstående avbetalningar t vid återtagandet, t.ex. från ATERTAG.REMAININGINSTALLMENTS. Heltal 0–1200, högst total.
 * @param total Totalt antal avbetalningar n enligt avtalet. Heltal 1–1200, t.ex. 72.
 * @param creditCost Kreditkostnaden c utan uppläggningsavgiften (den är intjänad när krediten lämnas). Kronor, t.ex. 23816.
 * @returns Reduceringsbeloppet i kronor, oavrundat.
 * @formula R = t · (t + 1) · c / (n · (n + 1))
 * @remarks
 * Kreditkostnaden fördelas med siffersummor, så att tidiga avbetalningar bär mer ränta än sena.
 * Används för annuitetslån med lika stora avbetalningar under hela löptiden och utan restbelopp.
 * @throws `#VÄRDEFEL!` (`#VALUE!`) ett argument saknas, är inget tal eller inget heltal, t.ex.
 * `remaining måste vara ett heltal, fick 32.5`.
 * @throws `#VÄRDEFEL!` (`#VALUE!`) *t* är större än *n* (`remaining (73) är större än total (72)`),
 * *t* eller *n* ligger utanför intervallet, eller `creditCost` är negativ.
 * @example Övning 1
 * Kreditkostnad 24 311 kr, varav uppläggningsavgift 495 kr, ger c = 23 816 kr; 72 avbetalningar,
 * t = 32 vid återtagandet i december 2012.
 * =ATERTAG.RULE78(32;72;23816)
 * Svar: 4 784,95 (32 · 33 · 23 816 / (72 · 73) = 25 149 696 / 5 256), avrundat 4 785 kr.
 */
export function rule78(
  remaining: number | string | boolean | null,
  total: number | string | boolean | null,
  creditCost: number | string | boolean | null,
): number {
  return excelNumber(() => {
    const n = requiredInteger(total, "total", 1, MAX_INSTALLMENTS);
    const t = requiredInteger(remaining, "remaining", 0, MAX_INSTALLMENTS);
    check(t <= n, "exceeds", "remaining", remaining, { field: "total", value: n });
    return rule78Reduction(t, n, requiredAmount(creditCost, "creditCost"));
  });
}

/**
 * Reduceringsbelopp vid faktisk avräkning: räntan som återstår i betalningsplanen en viss dag, minus den ränta som tjänats in dag för dag, plus aviavgifterna som inte har förfallit.
 * @customfunction ACTUALREDUCTION
 * @helpurl https://localhost:3000/help.html#ACTUALREDUCTION
 * @param creditAmount Kreditbeloppet K (kontantpris minus handpenning). Kronor, större än 0, t.ex. 115000.
 * @param annualRate Nominell årsränta. Decimalbråk, t.ex. 0,0595 för 5,95 %.
 * @param installments Totalt antal månatliga avbetalningar n. Heltal 1–1200, t.ex. 72.
 * @param firstDueDate Första förfallodagen. Excel-datum eller text ÅÅÅÅ-MM-DD.
 * @param date Dagen beräkningen gäller (underrättelse eller förrättning). Excel-datum eller text ÅÅÅÅ-MM-DD.
 * @param installmentAmount Avbetalningen A per månad utan aviavgift. Kronor, större än 0, t.ex. 1440.
 * @param [residual] Restbelopp V som betalas med sista avbetalningen. Kronor; utelämnat eller tomt = 0.
 * @param [monthlyFee] Aviavgift f per avbetalning. Kronor; utelämnat eller tomt = 0.
 * @returns Reduceringsbeloppet i kronor, oavrundat; 0 från och med sista förfallodagen.
 * @formula R = (Σ_(k>m) P_k − B_m) − B_m · i · (dagen − ff_m) / (ff_(m+1) − ff_m) + f · (n − m)
 * @remarks
 * Används när avbetalningarna är olika stora eller när ett restbelopp gör sista betalningen mycket
 * större. Eftersom beloppet räknas per dag ska det räknas om vid förrättningen.
 *
 * Här är i = årsräntan / 12, P_k = avbetalningen A (sista gången A + restbeloppet V), B_m = skulden
 * enligt betalningsplanen efter betalning m, m = antal förfallodagar **på eller före** dagen och
 * ff_m förfallodag m (ff_0 = en månad före första förfallodagen). Från och med sista förfallodagen är
 * R = 0. Se [faktisk avräkning](#FAKTISK) under Konventioner.
 * @throws `#VÄRDEFEL!` (`#VALUE!`) ett argument saknas eller har fel form; räntan skriven i procent:
 * `annualRate (5.95) ska anges som decimalbråk, t.ex. 0.0595 för 5,95 %`.
 * @throws `#VÄRDEFEL!` (`#VALUE!`) avbetalningen och restbeloppet går inte ihop med krediten:
 * betalningsplanen missar att betala av krediten med mer än 1 kr per avbetalning (med ränta på ränta)
 * kan förklara, för lite eller för mycket. En avbetalning som är annuiteten avrundad uppåt eller nedåt
 * godtas: `installmentAmount (1000) och residual (0) går inte ihop med kreditbeloppet och räntan: efter
 * sista betalningen återstår 77 920,11 kr av skulden, mer än avrundning av avbetalningen kan förklara
 * (högst 86,27 kr)`.
 * @throws `#VÄRDEFEL!` (`#VALUE!`) ett belopp är negativt, kreditbeloppet eller avbetalningen är 0,
 * eller antalet ligger utanför 1–1200.
 * @example Övning 2, restbelopp 40 000 kr
 * Kreditbelopp 115 000 kr, 5,95 %, 72 avbetalningar à 1 440 kr + aviavgift 25 kr, första förfallodag
 * 2009-09-30, restbelopp 40 000 kr. Per underrättelsen 2012-12-15:
 * =ATERTAG.ACTUALREDUCTION(115000;0,0595;72;"2009-09-30";"2012-12-15";1440;40000;25)
 * Svar: 10 474,48, avrundat 10 474 kr.
 *
 * Uträkning: m = 39 (senaste förfallodag 2012-11-30, nästa 2012-12-30, 30 dagar), B_39 = 77 677,94;
 * ränta kvar i planen 33 · 1 440 + 40 000 − 77 677,94 = 9 842,06; intjänad ränta 15 av 30 dagar
 * 77 677,94 · 0,0595/12 · 15/30 = 192,58; aviavgifter 33 · 25 = 825; R = 9 842,06 − 192,58 + 825 =
 * 10 474,48.
 * @example Övning 2 per förrättningen
 * Samma avtal per förrättningen 2012-12-20: 20 av 30 dagar, intjänad ränta 256,77.
 * =ATERTAG.ACTUALREDUCTION(115000;0,0595;72;"2009-09-30";"2012-12-20";1440;40000;25)
 * Svar: 10 410,29, avrundat 10 410 kr.
 */
export function actualReductionFn(
  creditAmount: number | string | boolean | null,
  annualRate: number | string | boolean | null,
  installments: number | string | boolean | null,
  firstDueDate: number | string | boolean | null,
  date: number | string | boolean | null,
  installmentAmount: number | string | boolean | null,
  residual: number | string | boolean | null,
  monthlyFee: number | string | boolean | null,
): number {
  return excelNumber(() => {
    const terms = {
      creditAmount: requiredAmount(creditAmount, "creditAmount"),
      annualRate: requiredRate(annualRate, "annualRate"),
      installments: requiredInteger(installments, "installments", 1, MAX_INSTALLMENTS),
      firstDueDate: requiredDate(firstDueDate, "firstDueDate"),
      installmentAmount: requiredAmount(installmentAmount, "installmentAmount"),
      residual: optionalAmount(residual, "residual"),
      monthlyFee: optionalAmount(monthlyFee, "monthlyFee"),
    };
    check(!terms.creditAmount.isZero(), "notPositive", "creditAmount", creditAmount);
    check(!terms.installmentAmount.isZero(), "notPositive", "installmentAmount", installmentAmount);
    checkScheduleRepays(terms);
    return actualReduction(terms, requiredDate(date, "date")).reduction;
  });
}

/**
 * Att betala för att undgå återtagning: det svaranden ska betala den dagen för att få behålla varan.
 * @customfunction REDEMPTION
 * @helpurl https://localhost:3000/help.html#REDEMPTION
 * @param unpaidCreditClaim Obetald del av kreditfordran: alla avbetalningar (och restbelopp) som inte är betalda, förfallna som framtida, med aviavgifter. Kronor.
 * @param reduction Reduceringsbeloppet, från ATERTAG.RULE78 eller ATERTAG.ACTUALREDUCTION. Kronor.
 * @param [basicFee] Grundavgift (förrättningsavgift), 600 kr sedan 2008. Kronor; utelämnat eller tomt = 0, så skriv 600 när den ska med.
 * @param [applicantCosts] Sökandens kostnader i målet. Kronor; utelämnat eller tomt = 0.
 * @param [lateInterest] Dröjsmålsränta till och med dagen, t.ex. från ATERTAG.LATEINTEREST. Kronor; utelämnat eller tomt = 0.
 * @param [claimedInterest] Yrkad ränta per ansökningsdagen (fast belopp i ansökan). Kronor; utelämnat eller tomt = 0.
 * @returns Beloppet i kronor, oavrundat. Ge funktionen de avrundade raderna (hela kronor) så stämmer summan med uppställningen.
 * @formula att betala = obetald del av kreditfordran + grundavgift + sökandens kostnader − reduceringsbelopp + dröjsmålsränta + yrkad ränta per ansökningsdagen
 * @remarks
 * Jämför sedan med varans uppskattade värde.
 * @throws `#VÄRDEFEL!` (`#VALUE!`) ett obligatoriskt belopp saknas eller är inget tal, t.ex.
 * `unpaidCreditClaim saknas (obligatoriskt fält)`.
 * @throws `#VÄRDEFEL!` (`#VALUE!`) ett belopp är negativt, t.ex.
 * `reduction får inte vara negativt, fick -4785`.
 * @example Övning 1
 * Obetald del av kreditfordran 41 · 1 928 = 79 048 kr, grundavgift 600 kr, sökandens kostnader 0,
 * reduceringsbelopp 4 785 kr, dröjsmålsränta till 2012-12-15 2 099 kr, yrkad ränta 487 kr:
 * =ATERTAG.REDEMPTION(79048;4785;600;0;2099;487)
 * Svar: 77 449 kr (79 048 + 600 + 0 − 4 785 + 2 099 + 487).
 *
 * Per förrättningen 2012-12-20 med räntan 2 201 kr: 77 551 kr. Varans värde 60 000 kr är lägre, så
 * underrättelse går till båda parter.
 */
export function redemption(
  unpaidCreditClaim: number | string | boolean | null,
  reduction: number | string | boolean | null,
  basicFee: number | string | boolean | null,
  applicantCosts: number | string | boolean | null,
  lateInterest: number | string | boolean | null,
  claimedInterest: number | string | boolean | null,
): number {
  return excelNumber(() => {
    const exact = (amount: Dec) => amount;
    return statementLines(
      {
        unpaidCreditClaim: requiredAmount(unpaidCreditClaim, "unpaidCreditClaim"),
        reduction: requiredAmount(reduction, "reduction"),
        basicFee: optionalAmount(basicFee, "basicFee"),
        applicantCosts: optionalAmount(applicantCosts, "applicantCosts"),
        lateInterest: optionalAmount(lateInterest, "lateInterest"),
        claimedInterest: optionalAmount(claimedInterest, "claimedInterest"),
      },
      exact,
    ).amountInclInterest;
  });
}

/**
 * Återstående avbetalningar t enligt 78-regelns räkning: förfallodagar före dagen har passerat, och nästa förfallodag på eller efter dagen räknas också som passerad.
 * @customfunction REMAININGINSTALLMENTS
 * @helpurl https://localhost:3000/help.html#REMAININGINSTALLMENTS
 * @param firstDueDate Första förfallodagen. Excel-datum eller text ÅÅÅÅ-MM-DD.
 * @param installments Totalt antal avbetalningar n. Heltal 1–1200, t.ex. 72.
 * @param date Dagen för återtagningsförrättningen (eller underrättelsen). Excel-datum eller text ÅÅÅÅ-MM-DD.
 * @returns Ett heltal från 0 till n − 1.
 * @formula t = n − 1 − (antal förfallodagar före dagen), dock minst 0
 * @remarks
 * Talet används som `remaining` i [ATERTAG.RULE78](#RULE78). Förfallodagarna följer
 * [månadsregeln](#FORFALLODAGAR).
 * @throws `#VÄRDEFEL!` (`#VALUE!`) ett datum saknas eller är inget datum, t.ex. `firstDueDate måste
 * vara ett datum ÅÅÅÅ-MM-DD eller ett Excel-datum, fick "30.09.2009"`, eller har ett klockslag
 * (`date (41258.5) har en tid på dygnet; ange bara datum`); `installments` är inget heltal.
 * @throws `#VÄRDEFEL!` (`#VALUE!`) `installments` ligger utanför 1–1200.
 * @example Övning 1 och 2
 * Första förfallodag 2009-09-30, 72 avbetalningar, underrättelse 2012-12-15. Före den dagen har 39
 * förfallodagar passerat (september 2009 – november 2012); nästa förfallodag, 2012-12-30, räknas som
 * passerad, alltså 40, och t = 72 − 40 = 32.
 * =ATERTAG.REMAININGINSTALLMENTS("2009-09-30";72;"2012-12-15")
 * Svar: 32. Samma svar för 2012-12-20 (förrättningen) och för 2012-12-30; från 2012-12-31 blir det 31.
 */
export function remainingInstallments(
  firstDueDate: number | string | boolean | null,
  installments: number | string | boolean | null,
  date: number | string | boolean | null,
): number {
  return excelNumber(() => {
    const n = requiredInteger(installments, "installments", 1, MAX_INSTALLMENTS);
    const t = remainingInstallmentsRule78(
      requiredDate(firstDueDate, "firstDueDate"),
      n,
      requiredDate(date, "date"),
    );
    return new Dec(t);
  });
}

/**
 * Dröjsmålsränta enligt 6 § räntelagen: referensräntan för varje dags kalenderhalvår plus 8 procentenheter, enkel ränta, båda dagarna räknas, dagarna delas med 365.
 * @customfunction LATEINTEREST
 * @helpurl https://localhost:3000/help.html#LATEINTEREST
 * @param capital Räntebärande kapital (i övningarna obetald del av kreditfordran). Kronor, t.ex. 79048.
 * @param fromDate Första räntedagen (räknas med), i övningarna dagen efter ansökningsdagen. Excel-datum eller text ÅÅÅÅ-MM-DD.
 * @param toDate Sista räntedagen (räknas med): underrättelse- eller förrättningsdagen. Excel-datum eller text ÅÅÅÅ-MM-DD.
 * @param [marginPercent] Procentenheter över referensräntan. Procent, t.ex. 8; utelämnat, tomt eller 0 = 8 (räntelagen). Mellan −100 och 100.
 * @param [contractRate] Avtalad dröjsmålsränta; används bara för halvår där den är lägre än referensräntan + marginalen. Decimalbråk, t.ex. 0,12 för 12 %; utelämnat, tomt eller 0 = ingen.
 * @param [rates] Egna referensräntor som läggs till eller ersätter den inbyggda tabellen: ett område med rader (från-datum 1 januari eller 1 juli, procent), t.ex. 'Referensräntor'!A2:B60. Fyll i procenten på varje rad: en tom cell är ett fel i Excel på webben men räknas som 0 % i Excel för Windows och Mac.
 * @returns Räntan i kronor, oavrundad; 0 om toDate är före fromDate.
 * @formula ränta = kapital · Σ (referensränta + marginal) · dagar / 36 500
 * @remarks
 * Enkel ränta på ett fast kapital (ingen ränta på ränta), **både första och sista dagen räknas**,
 * dagarna delas med 365 (även under skottår). Perioden delas där halvåret byts. Är en avtalad
 * dröjsmålsränta lägre används den, aldrig en högre.
 *
 * Σ: summan över kalenderhalvåren i perioden, med dagarna räknade inom varje halvår. Summan räknas
 * exakt och delas en gång, så ett belopp på exakt x,50 kr avrundas uppåt.
 *
 * I `rates` hoppas tomma rader och en rubrikrad över och fler kolumner ignoreras; utelämnat = bara den
 * inbyggda tabellen.
 * @throws `#VÄRDEFEL!` (`#VALUE!`) referensränta saknas för ett halvår i perioden. Räntan gissas
 * aldrig; meddelandet säger vilket halvår som fattas: `referensränta saknas för halvåret
 * 2026-07-01–2026-12-31 (toDate "2026-07-31"); lägg till den i referensräntetabellen`. Lägg till
 * halvåret på bladet [Referensräntor](#REFERENSRANTOR) och ange området som `rates`.
 * @throws `#VÄRDEFEL!` (`#VALUE!`) ett datum eller kapitalet saknas eller har fel form; den avtalade
 * räntan skriven i procent (`contractRate (12) ska anges som decimalbråk, t.ex. 0.0595 för 5,95 %`);
 * en rad i `rates` vars datum inte är 1 januari eller 1 juli, eller samma halvår två gånger.
 * @throws En rad i `rates` med datum men **tom procentcell**: i Excel på webben `#VÄRDEFEL!`
 * (`rates rad 3 procent saknas (obligatoriskt fält)`). Excel för Windows och Mac skickar en tom cell
 * som 0, som inte går att skilja från en inskriven 0 (räntan var 0 % 2015–2016), så där räknas raden
 * som 0 %. Fyll i procentsatsen på varje rad med datum. Åtgärdsfönstret läser cellernas typ och
 * vägrar alltid en tom procentcell i bladet Referensräntor.
 * @throws `#VÄRDEFEL!` (`#VALUE!`) negativt kapital eller negativ avtalad ränta, en marginal utanför
 * −100 till 100 (`marginPercent (200) ligger utanför tillåtet intervall (-100, 100)`), eller en
 * procentsats i `rates` utanför −100 till 100.
 * @example Övning 1
 * Obetald del av kreditfordran 79 048 kr, ränta från dagen efter ansökningsdagen 2012-09-04 till och
 * med underrättelsen 2012-12-15. Referensräntan andra halvåret 2012 är 1,5 %, räntan alltså 9,5 %.
 * Dagar: 26 (5–30 sep) + 31 + 30 + 15 = 102.
 * =ATERTAG.LATEINTEREST(79048;"2012-09-05";"2012-12-15")
 * Svar: 2 098,56 (79 048 · 9,5 % · 102/365), avrundat 2 099 kr.
 *
 * `=ATERTAG.LATEINTEREST(79048;"2012-09-05";"2012-12-15";8)` och samma formel med `;0` eller en tom
 * cell som marginal ger samma svar.
 * @example Övning 1 per förrättningen
 * Till och med förrättningen 2012-12-20: 107 dagar.
 * =ATERTAG.LATEINTEREST(79048;"2012-09-05";"2012-12-20")
 * Svar: 2 201,43, avrundat 2 201 kr.
 * @example Ett halvår som saknas i tabellen
 * Ränta på 10 000 kr 2026-06-01 – 2026-07-31. Halvåret från 2026-07-01 finns inte i den inbyggda
 * tabellen, så du lägger till raden 2026-07-01 | 1,75 på bladet Referensräntor (**1,75 är ett påhittat
 * värde** för exemplet; använd Riksbankens beslutade ränta).
 * =ATERTAG.LATEINTEREST(10000;"2026-06-01";"2026-07-31";;;'Referensräntor'!A2:B60)
 * Svar: 165,00 (30 dagar à 2 + 8 = 10 % och 31 dagar à 1,75 + 8 = 9,75 %: (10 000 · 10 % · 30 +
 * 10 000 · 9,75 % · 31) / 365 = 60 225 / 365). Utan `rates` blir svaret `#VÄRDEFEL!`.
 */
export function lateInterestFn(
  capital: number | string | boolean | null,
  fromDate: number | string | boolean | null,
  toDate: number | string | boolean | null,
  marginPercent: number | string | boolean | null,
  contractRate: number | string | boolean | null,
  rates?: any[][],
): number {
  return excelNumber(() => {
    const cap = optionalRate(contractRate, "contractRate");
    // An empty cell arrives as 0 on Excel desktop and as null on the web: both mean the statutory 8.
    const given = optionalNumber(marginPercent, "marginPercent", STATUTORY_MARGIN_PERCENT);
    const margin = given.isZero() ? STATUTORY_MARGIN_PERCENT : given;
    check(margin.abs().lessThan(100), "outOfRange", "marginPercent", marginPercent, PERCENT_RANGE);
    return lateInterestEngine(
      {
        capital: requiredAmount(capital, "capital"),
        from: requiredDate(fromDate, "fromDate"),
        to: requiredDate(toDate, "toDate"),
        marginPercent: margin,
        contractRate: cap.isZero() ? null : cap,
      },
      rateTable(rates),
    ).total;
  });
}

/**
 * Referensränta: Riksbankens referensränta (9 § räntelagen) som gäller en viss dag, i procent; den fastställs per kalenderhalvår.
 * @customfunction REFERENCERATE
 * @helpurl https://localhost:3000/help.html#REFERENCERATE
 * @param date Dagen du vill veta referensräntan för. Excel-datum eller text ÅÅÅÅ-MM-DD.
 * @param [rates] Egna referensräntor som läggs till eller ersätter den inbyggda tabellen: ett område med rader (från-datum 1 januari eller 1 juli, procent), t.ex. 'Referensräntor'!A2:B60; utelämnat = bara den inbyggda tabellen. Fyll i procenten på varje rad: en tom cell är ett fel i Excel på webben men räknas som 0 % i Excel för Windows och Mac.
 * @returns Referensräntan i procent, t.ex. 1,5 (betyder 1,5 %).
 * @remarks
 * Räntan gäller från 1 januari respektive 1 juli. Använd den för att visa vilken ränta som ligger
 * bakom dröjsmålsräntan. Den inbyggda tabellen börjar {{rates.from}} och räcker till och med
 * {{rates.through}} i den här versionen. För senare halvår lägger du till en rad på bladet
 * [Referensräntor](#REFERENSRANTOR).
 * @throws `#VÄRDEFEL!` (`#VALUE!`) dagens halvår finns inte i tabellen (före {{rates.from}} eller
 * efter tabellens slut): `referensränta saknas för halvåret 2026-07-01–2026-12-31 (date
 * "2026-08-01"); lägg till den i referensräntetabellen`.
 * @throws `#VÄRDEFEL!` (`#VALUE!`) datumet saknas eller har fel form; en rad i `rates` vars datum inte
 * är 1 januari eller 1 juli (`… måste vara 1 januari eller 1 juli (referensräntan gäller per
 * kalenderhalvår)`), eller samma halvår två gånger.
 * @throws `#VÄRDEFEL!` (`#VALUE!`) en procentsats i `rates` utanför −100 till 100.
 * @throws En rad i `rates` med datum men tom procentcell: `#VÄRDEFEL!` i Excel på webben; i Excel för
 * Windows och Mac räknas den som 0 % (se [ATERTAG.LATEINTEREST](#LATEINTEREST)).
 * @example Övning 1 och 2
 * =ATERTAG.REFERENCERATE("2012-12-15")
 * Svar: 1,5 (andra halvåret 2012), dröjsmålsränta alltså 1,5 + 8 = 9,5 %.
 *
 * Med ett eget halvår: `=ATERTAG.REFERENCERATE("2026-08-01";'Referensräntor'!A2:B60)` ger räntan på
 * raden 2026-07-01 (1,75 i det påhittade exemplet under ATERTAG.LATEINTEREST).
 */
export function referenceRate(date: number | string | boolean | null, rates?: any[][]): number {
  return excelNumber(() => rateTable(rates).percentOn(requiredDate(date, "date"), "date"));
}

/** The built-in table, its missing-rate message pointing to the `rates` argument. */
const FUNCTION_BUILT_IN_RATES = ReferenceRateTable.withEntries([], "rates", FUNCTION_TEXT.addRate);

/** The built-in table, or the built-in table with a caller's range of (from, percent) rows on top. */
// `any[][]`: the metadata generator makes a range (matrix) parameter only from this spelling.
function rateTable(rates: unknown[][] | null | undefined): ReferenceRateTable {
  if (rates === null || rates === undefined || !Array.isArray(rates))
    return FUNCTION_BUILT_IN_RATES;
  checkNoEmptyPercent(rates);
  const entries = referenceEntriesFromRows(rates, "rates");
  return ReferenceRateTable.withEntries(entries, "rates", FUNCTION_TEXT.addRate);
}

/**
 * A row of a `rates` range with a from date and an empty percent cell is an error naming the row,
 * never a rate of 0 %. What Excel passes for an empty cell in a range differs: Excel on the web
 * passes null, which is refused here; Excel on Windows and Mac pass 0, which cannot be told from a
 * typed 0 (a real reference rate, as in 2015–2016) and therefore counts as 0 % there. docs/functions.md
 * and the help page say so; the task pane, which reads the cells' types, refuses both.
 */
function checkNoEmptyPercent(rows: readonly unknown[][]): void {
  const blank = (value: unknown) => value === null || value === undefined || value === "";
  rows.forEach((row, index) => {
    const [from, percent] = Array.isArray(row) ? row : [];
    if (blank(from) || from === 0) return; // an empty row (an empty date is 0 on the desktop)
    if (index === 0 && typeof from === "string" && !/^\d{4}-\d{2}-\d{2}$/.test(from.trim())) return;
    if (blank(percent))
      throw new EngineError("required", FUNCTION_TEXT.ratesRowPercent(index + 1), percent);
  });
}
