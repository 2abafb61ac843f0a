"""The validation report's and the refused files' sentences, bokmål and English, keyed as the
loaders' notes name them (`issue.<key>`). Values quoted from files come quoted («…»); a
`{processes_or}`/`{processes_and}` is the list of known processes, filled in by the wording."""

from __future__ import annotations

VALIDATION_TEXTS: dict[str, tuple[str, str]] = {
    "issue.and": ("og", "and"),
    # an access list
    "issue.access_headers": (
        "Finner ikke kolonnene for e-post og rolle (for eksempel «E-post», «Rolle», «Enheter»).",
        "The e-mail and role columns are not found (for example «E-mail», «Role», «Units»)."),
    "issue.access_bad_email": ("«{value}» er ikke en e-postadresse; raden er ikke brukt.",
                               "«{value}» is not an e-mail address; the row is not used."),
    "issue.access_bad_role": (
        "«{value}» er ikke en rolle (Prosesseier, Enhet eller Ledelse); raden er ikke brukt.",
        "«{value}» is not a role (Owner, Unit or Viewer); the row is not used."),
    "issue.access_no_units": ("Rollen Enhet trenger minst én enhetskode; raden er ikke brukt.",
                              "The role Unit needs at least one unit code; the row is not used."),
    "issue.access_unknown_units": (
        "Ukjente enhetskoder «{value}» i dataene som vises; raden er ikke brukt.",
        "Unknown unit codes «{value}» in the data shown; the row is not used."),
    "issue.or": ("eller", "or"),
    # cells and rows
    "issue.formula_no_value": (
        "Formelcellen har ingen lagret verdi og er lest som tom. Åpne filen i Excel, lagre den og "
        "last den opp på nytt.",
        "The formula cell has no saved value and is read as empty. Open the file in Excel, save "
        "it and upload it again."),
    "issue.excel_error": (
        "Cellen har Excel-feilen {value} og er lest som tom. Rett formelen i Excel og last opp "
        "filen på nytt.",
        "The cell holds the Excel error {value} and is read as empty. Fix the formula in Excel "
        "and upload the file again."),
    "issue.repeated_column": (
        "Kolonne {letter} gjentar «{used}», som er lest fra en kolonne før den; denne er ikke "
        "brukt. Slett eller gi nytt navn til den som ikke skal leses.",
        "Column {letter} repeats «{used}», which is read from an earlier column; this one is not "
        "used. Delete or rename the one that should not be read."),
    "issue.control_one": (
        "Cellen hadde usynlige kontrolltegn; de er fjernet.",
        "The cell held invisible control characters; they have been removed."),
    "issue.control_many": (
        "{count} celler i kolonnen hadde usynlige kontrolltegn; de er fjernet (første celle her).",
        "{count} cells in the column held invisible control characters; they have been removed "
        "(first cell here)."),
    "issue.not_yes_no_ignored": ("«{value}» er ikke Ja/Nei; ignorert.",
                                 "«{value}» is not Yes/No; ignored."),
    "issue.not_a_date": (
        "«{value}» er ikke en dato (bruk dd.mm.åååå); verdien er ignorert.",
        "«{value}» is not a date (use dd.mm.yyyy); the value is ignored."),
    "issue.total_row": ("Summeringsrad «{value}» er hoppet over.",
                        "Total row «{value}» is skipped."),
    "issue.blank_row": ("1 tom rad mellom dataradene er hoppet over.",
                        "1 empty row between the data rows is skipped."),
    "issue.blank_rows": ("{count} tomme rader mellom dataradene er hoppet over.",
                         "{count} empty rows between the data rows are skipped."),
    "issue.not_whole_number": ("«{value}» er ikke et helt tall; feltet er ignorert.",
                               "«{value}» is not a whole number; the field is ignored."),
    "issue.capped_months": ("«{value}» er mer enn {limit} måneder; {limit} måneder er brukt.",
                            "«{value}» is more than {limit} months; {limit} months are used."),
    "issue.capped_days": ("«{value}» er mer enn {limit} dager; {limit} dager er brukt.",
                          "«{value}» is more than {limit} days; {limit} days are used."),
    # staff list
    "issue.staff_no_person": (
        "Raden mangler ansattnummer, e-post og navn og er ikke tatt med.",
        "The row has no employee number, e-mail or name and is left out."),
    "issue.staff_no_unit": ("{person} mangler enhet og er ikke tatt med.",
                            "{person} has no unit and is left out."),
    "issue.no_case_handler_column": (
        "Ansattlisten har ingen kolonne for saksbehandler (Ja/Nei): alle ansatte regnes som "
        "saksbehandlere og må ha Saksbehandlerskolen etter fristen.",
        "The staff list has no case-handler column (Yes/No): every employee counts as a case "
        "handler and needs the case-handler school after the grace period."),
    "issue.case_handler_not_yes_no": (
        "«{value}» er ikke Ja/Nei; personen regnes ikke som saksbehandler.",
        "«{value}» is not Yes/No; the person does not count as a case handler."),
    "issue.unknown_role": (
        "Forstår ikke «{words}» i rollen «{value}»; kjente prosesser er {processes_and}.",
        "Cannot read «{words}» in the role «{value}»; the known processes are {processes_and}."),
    # advisors list
    "issue.unknown_process": ("Forstår ikke prosessen «{value}»; bruk {processes_or}.",
                              "Cannot read the process «{value}»; use {processes_or}."),
    "issue.unknown_process_dropped": (
        "Forstår ikke prosessen «{value}»; bruk {processes_or}. Raden er ikke tatt med.",
        "Cannot read the process «{value}»; use {processes_or}. The row is left out."),
    "issue.advisor_no_person": (
        "Raden mangler person (ansattnummer, e-post eller navn) og er ikke tatt med.",
        "The row names no person (employee number, e-mail or name) and is left out."),
    # course records
    "issue.unknown_status": ("Ukjent status «{value}»; regnes som ikke fullført.",
                             "Unknown status «{value}»; counted as not completed."),
    "issue.course_no_person": (
        "Kursraden mangler person (ansattnummer eller e-post) og er ikke tatt med.",
        "The course row names no person (employee number or e-mail) and is left out."),
    "issue.course_no_course": ("Kursraden mangler kurskode og kursnavn og er ikke tatt med.",
                               "The course row has no course code or title and is left out."),
    "issue.course_undated": (
        "Fullført uten (lesbar) dato: teller for krav uten gyldighetstid, aldri for krav med "
        "gyldighetstid.",
        "Completed without a (readable) date: counts for requirements without a validity "
        "period, never for requirements with one."),
    # requirements
    "issue.requirement_dropped": ("Kravet {problem}; raden er ikke tatt med.",
                                  "The requirement {problem}; the row is left out."),
    "issue.requirement_no_id": ("mangler id", "has no id"),
    "issue.requirement_audience": (
        "ukjent målgruppe «{value}» (bruk advisors, advisors:<prosess> eller case_handlers)",
        "has an unknown audience «{value}» (use advisors, advisors:<process> or case_handlers)"),
    "issue.requirement_kind": ("har ukjent type «{value}» (bruk course eller assessment)",
                               "has an unknown kind «{value}» (use course or assessment)"),
    "issue.requirement_no_courses": ("mangler kurs", "has no courses"),
    # assessments
    "issue.assessment_no_person": (
        "Vurderingen mangler person (ansattnummer, e-post eller navn) og er ikke tatt med.",
        "The assessment names no person (employee number, e-mail or name) and is left out."),
    "issue.assessment_no_requirement": ("Vurderingen mangler krav-id og er ikke tatt med.",
                                        "The assessment has no requirement id and is left out."),
    "issue.assessment_result": (
        "«{value}» er ikke et resultat (bruk Godkjent eller Ikke godkjent); vurderingen er ikke "
        "tatt med.",
        "«{value}» is not a result (use Approved or Not approved); the assessment is left out."),
    # units
    "issue.unit_row_empty": ("Enhetsraden mangler kode og navn.",
                             "The unit row has no code and no name."),
    # joining the files
    "issue.staff_empty": (
        "ansattlisten har ingen brukbare rader (hver rad trenger en person og en enhet).",
        "the staff list has no usable rows (each row needs a person and a unit)."),
    "issue.unit_duplicate": ("Enhetskoden står flere ganger; første rad gjelder.",
                             "The unit code appears more than once; the first row counts."),
    "issue.unit_code_padded": (
        "Enhetskoden {written} er lest som {code} (innledende nuller mangler).",
        "The unit code {written} is read as {code} (leading zeros missing)."),
    "issue.unit_not_in_units": (
        "Enheten «{unit}» finnes ikke i enhetslisten; den vurderes likevel.",
        "The unit «{unit}» is not in the units list; it is judged all the same."),
    "issue.cycle_self": (
        "Enheten «{unit}» er oppgitt som sin egen overordnede enhet; koblingen brukes ikke, og "
        "enheten står øverst i enhetstreet.",
        "The unit «{unit}» is given as its own parent unit; the link is not used, and the unit "
        "stands at the top of the unit tree."),
    "issue.cycle": (
        "Overordnet enhet går i ring: {ring} (→ peker på overordnet enhet). Koblingen fra "
        "«{unit}» til «{parent}» brukes ikke, så «{unit}» står øverst i enhetstreet.",
        "The parent units form a loop: {ring} (→ points to the parent unit). The link from "
        "«{unit}» to «{parent}» is not used, so «{unit}» stands at the top of the unit tree."),
    "issue.cycle_long": (
        "Overordnet enhet går i ring: {ring} ({count} enheter; → peker på overordnet enhet). "
        "Koblingen fra «{unit}» til «{parent}» brukes ikke, så «{unit}» står øverst i "
        "enhetstreet.",
        "The parent units form a loop: {ring} ({count} units; → points to the parent unit). "
        "The link from «{unit}» to «{parent}» is not used, so «{unit}» stands at the top of the "
        "unit tree."),
    "issue.person_repeated": (
        "Ansattnummer {person} står flere ganger i samme enhet; radene slås sammen (tidligste "
        "startdato, saksbehandler om en rad sier det, roller lagt sammen).",
        "Employee number {person} appears more than once in the same unit; the rows are merged "
        "(earliest start date, case handler if one row says so, roles combined)."),
    "issue.person_in_units": (
        "Ansattnummer {person} står i flere enheter; personen telles i hver av dem (også i "
        "{unit}).",
        "Employee number {person} appears in several units; the person counts in each of them "
        "(also in {unit})."),
    "issue.name_ambiguous": ("navnet «{name}» passer flere ansatte",
                             "the name «{name}» fits several employees"),
    "issue.not_in_staff": ("{person} finnes ikke i ansattlisten",
                           "{person} is not in the staff list"),
    "issue.ids_without_zeros": (
        "{count} ansattnummer er koblet til ansattlisten uten innledende nuller (f.eks. "
        "{written} = {staff_form}); ansattlistens form brukes.",
        "{count} employee numbers are matched to the staff list without leading zeros (e.g. "
        "{written} = {staff_form}); the staff list's form is used."),
    "issue.appointed_not_staff": ("Oppnevnt, men ikke ansatt: {why}. Oppnevningen telles ikke.",
                                  "Appointed, but not on the staff: {why}. The appointment does "
                                  "not count."),
    "issue.appointed_unit_unknown": (
        "Enheten «{unit}» finnes ikke i ansattlisten eller enhetslisten; oppnevningen telles "
        "ikke.",
        "The unit «{unit}» is in neither the staff list nor the units list; the appointment "
        "does not count."),
    "issue.course_unknown_person": ("Kursdata for ukjent person: {why} ({rows}).",
                                    "Course records for an unknown person: {why} ({rows})."),
    "issue.assessment_unknown_person": ("Vurdering for ukjent person: {why} ({rows}).",
                                        "Assessment of an unknown person: {why} ({rows})."),
    "issue.row": ("1 rad", "1 row"),
    "issue.rows": ("{count} rader", "{count} rows"),
    # finding the table
    "issue.no_header": (
        "fant ingen kjent overskriftsrad for {kind} i de første {rows} radene. Sjekk at filen har "
        "kolonneoverskrifter.",
        "found no known header row for {kind} in the first {rows} rows. Check that the file has "
        "column headers."),
    "issue.in_sheet": ("arket «{sheet}»", "the sheet «{sheet}»"),
    "issue.in_file": ("filen", "the file"),
    "issue.the_person": ("personen (ansattnr, e-post eller navn)",
                         "the person (employee no., e-mail or name)"),
    "issue.the_unit": ("enheten (enhetskode eller enhetsnavn)", "the unit (unit code or name)"),
    "issue.no_identifier": (
        "fant ingen kolonne som identifiserer {what} i {where} (nødvendig i {kind}).",
        "found no column that identifies {what} in {where} (needed in {kind})."),
    "issue.missing_columns": ("{where} mangler kolonne for {column_groups} (nødvendig i {kind}).",
                              "{where} has no column for {column_groups} (needed in {kind})."),
    "issue.not_recognised_any": (
        "kjenner ikke igjen kolonnene; er dette en ansattliste, rådgiverliste, kursdata, "
        "kompetansekrav eller enhetsliste?",
        "the columns are not recognised; is this a staff list, advisor list, course records, "
        "competency requirements or a units list?"),
    "issue.looks_like": ("ser ut som {kind}, men {problem}", "looks like {kind}, but {problem}"),
    "issue.not_recognised": ("kjenner ikke igjen kolonnene.", "the columns are not recognised."),
    "issue.choose_kind": ("kjenner ikke igjen kolonnene; velg hva slags fil det er.",
                          "the columns are not recognised; choose what kind of file it is."),
    "issue.kind_twice": ("to filer ser ut som {kind}; bare {used} brukes.",
                         "two files look like {kind}; only {used} is used."),
    # files that cannot be used
    "issue.no_such_file": ("filen finnes ikke.", "the file does not exist."),
    "issue.not_a_file": ("er ikke en fil.", "is not a file."),
    "issue.unreadable": ("filen kan ikke leses ({reason}).", "the file cannot be read ({reason})."),
    "issue.too_big": ("filen er for stor ({size} MB); grensen er {limit} MB.",
                      "the file is too large ({size} MB); the limit is {limit} MB."),
    "issue.empty": ("filen er tom.", "the file is empty."),
    "issue.password": (
        "arbeidsboka er passordbeskyttet. Fjern passordet i Excel og last opp på nytt.",
        "the workbook is password-protected. Remove the password in Excel and upload it again."),
    "issue.not_a_spreadsheet": (
        "filen er ikke et regneark (bruk .xlsx, .xlsm, .xls, .ods eller .csv).",
        "the file is not a spreadsheet (use .xlsx, .xlsm, .xls, .ods or .csv)."),
    "issue.corrupt": ("filen er skadet og kan ikke åpnes som regneark.",
                      "the file is damaged and cannot be opened as a spreadsheet."),
    "issue.corrupt_because": ("filen er skadet eller ikke et regneark ({reason}).",
                              "the file is damaged or not a spreadsheet ({reason})."),
    "issue.no_sheets": ("arbeidsboka har ingen regneark.", "the workbook has no worksheets."),
    "issue.xlsb": (
        "filtypen støttes ikke: .xlsb (binær Excel-arbeidsbok). Lagre filen som .xlsx i Excel og "
        "last opp på nytt.",
        "the file type is not supported: .xlsb (binary Excel workbook). Save the file as .xlsx "
        "in Excel and upload it again."),
    "issue.numbers": (
        "filtypen støttes ikke: .numbers (Apple Numbers). Eksporter regnearket til Excel (.xlsx) "
        "eller CSV i Numbers og last opp på nytt.",
        "the file type is not supported: .numbers (Apple Numbers). Export the spreadsheet to "
        "Excel (.xlsx) or CSV in Numbers and upload it again."),
    "issue.date_out_of_range": (
        "filen har en datocelle med en verdi langt utenfor kalenderen og kan ikke leses. Rett "
        "eller tøm cellen i Excel og last opp på nytt.",
        "the file has a date cell with a value far outside the calendar and cannot be read. "
        "Correct or clear the cell in Excel and upload it again."),
    "issue.csv_too_wide": (
        "linje {line} har {fields} felt, mens filen ellers har langt færre; det ville gitt en "
        "tabell på {cells} celler. Sjekk skilletegnet, eller fjern linjen, og last opp på nytt.",
        "line {line} has {fields} fields, while the file otherwise has far fewer; that would "
        "make a table of {cells} cells. Check the delimiter, or remove the line, and upload "
        "again."),
    "issue.zip_bomb": (
        "filen pakker seg ut til mistenkelig mye data (zip-bombe?) og ble ikke åpnet.",
        "the file unpacks to a suspicious amount of data (zip bomb?) and was not opened."),
    "issue.xml_bomb": (
        "filen inneholder XML-definisjoner som ikke er tillatt i et regneark (mulig XML-bombe) "
        "og ble ikke åpnet.",
        "the file holds XML definitions that a spreadsheet may not have (possibly an XML bomb) "
        "and was not opened."),
    "issue.sheet_too_wide": (
        "arket «{sheet}» har celler helt ut til rad {rows} og kolonne {columns} ({extent} celler "
        "å lese, men bare {cells} er i bruk). Slett tomme rader og kolonner i Excel (eller kopier "
        "dataene til et nytt ark) og last opp på nytt.",
        "the sheet «{sheet}» has cells as far out as row {rows} and column {columns} ({extent} "
        "cells to read, but only {cells} in use). Delete empty rows and columns in Excel (or "
        "copy the data to a new sheet) and upload it again."),
    "issue.needs_memory": ("filen krever mer minne enn en opplasting kan bruke.",
                           "the file needs more memory than an upload may use."),
    "issue.read_failed": ("filen kunne ikke leses ({reason}).", "the file could not be read "
                          "({reason})."),
    "issue.too_slow": ("lesingen tok mer enn {seconds} sekunder og ble stoppet. Er filen uvanlig "
                       "stor?",
                       "reading took more than {seconds} seconds and was stopped. Is the file "
                       "unusually large?"),
    "issue.too_much_cpu": ("lesingen brukte for mye regnetid og ble stoppet.",
                           "reading used too much processing time and was stopped."),
    "issue.reader_crashed": (
        "filen fikk leseren til å stoppe (for stor, eller skadet på en måte leseren ikke tåler) "
        "og ble ikke brukt. Lagre den på nytt i Excel, eller del den opp.",
        "the file made the reader stop (too large, or damaged in a way the reader cannot "
        "handle) and was not used. Save it again in Excel, or split it up."),
    "issue.upload_also": ("Last opp også {kinds}.", "Upload the {kinds} too."),
    # decided by the as-of date
    "issue.left": (
        "Sluttet {ended}: telles ikke som ansatt, prosessrådgiver eller saksbehandler per "
        "{as_of}.",
        "Left {ended}: not counted as staff, process advisor or case handler as of {as_of}."),
    "issue.appointed_left": (
        "Oppnevnt, men ikke ansatt: {person} sluttet {ended}; oppnevningen for {process} telles "
        "ikke per {as_of}.",
        "Appointed, but not on the staff: {person} left {ended}; the appointment for {process} "
        "does not count as of {as_of}."),
    "issue.appointment_starts": (
        "Oppnevningen for {process} begynner {date}; telles ikke per {as_of}.",
        "The appointment for {process} starts {date}; not counted as of {as_of}."),
    "issue.appointment_ended": (
        "Oppnevningen for {process} endte {date}; telles ikke per {as_of}.",
        "The appointment for {process} ended {date}; not counted as of {as_of}."),
    "issue.home_unit_chosen": (
        "Raden har ingen enhet, og {person} har stillinger i {units}: {unit} er valgt "
        "({reason}).",
        "The row has no unit, and {person} holds positions in {units}: {unit} is chosen "
        "({reason})."),
    "issue.by_main_position": ("hovedstilling", "main position"),
    "issue.by_highest_percent": ("høyeste stillingsprosent", "highest position percentage"),
    "issue.by_first_row": ("første rad i ansattlisten", "first row in the staff list"),
    "issue.portal_date_passed": (
        "Gyldig til {until} i portalen er passert per {as_of}; kravets gyldighetstid avgjør om "
        "kravet er oppfylt.",
        "The portal's valid-until date {until} has passed as of {as_of}; the requirement's own "
        "validity decides whether it is met."),
}
