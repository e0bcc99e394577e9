<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK" sourcelanguage="en">
<context>
    <name>AboutPage</name>
    <message>
        <source>&amp;Business name:</source>
        <translation>&amp;Virksomhedens navn:</translation>
    </message>
    <message>
        <source>A few questions to set things up — about two minutes. Replies and acknowledgements are signed with these names.</source>
        <translation>Et par spørgsmål til opsætningen — cirka to minutter. Svar og kvitteringer underskrives med disse navne.</translation>
    </message>
    <message>
        <source>Danish</source>
        <translation>Dansk</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Engelsk</translation>
    </message>
    <message>
        <source>Norwegian (bokmål)</source>
        <translation>Norsk (bokmål)</translation>
    </message>
    <message>
        <source>Welcome to SoloService</source>
        <translation>Velkommen til SoloService</translation>
    </message>
    <message>
        <source>Your &amp;language:</source>
        <translation>Dit &amp;sprog:</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Dit &amp;navn:</translation>
    </message>
    <message>
        <source>Your language is also the one new customers are written to in, until SoloService sees which language they write.</source>
        <translation>Dit sprog er også det, nye kunder får svar på, indtil SoloService ser, hvilket sprog de skriver.</translation>
    </message>
    <message>
        <source>e.g. Hygge Keramik</source>
        <translation>f.eks. Hygge Keramik</translation>
    </message>
    <message>
        <source>e.g. Søs Jensen</source>
        <translation>f.eks. Søs Jensen</translation>
    </message>
</context>
<context>
    <name>AckDialog</name>
    <message>
        <source>&amp;Copy text</source>
        <translation>&amp;Kopiér tekst</translation>
    </message>
    <message>
        <source>&amp;Record as given</source>
        <translation>&amp;Registrér som givet</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Send</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Tekst:</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(intet navn)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · %3</translation>
    </message>
    <message>
        <source>Acknowledge #%1</source>
        <extracomment>the acknowledgement was sent, queued or recorded: (inquiry id, status-bar message)</extracomment>
        <translation>Kvittér for #%1</translation>
    </message>
    <message>
        <source>Acknowledgement queued; sending failed (%1) — it will be retried</source>
        <translation>Kvitteringen er lagt i kø; afsendelsen mislykkedes (%1) — der prøves igen</translation>
    </message>
    <message>
        <source>Acknowledgement recorded</source>
        <translation>Kvittering registreret</translation>
    </message>
    <message>
        <source>Acknowledgement sent</source>
        <translation>Kvittering sendt</translation>
    </message>
    <message>
        <source>Copied ✓</source>
        <translation>Kopieret ✓</translation>
    </message>
    <message>
        <source>Due %1 (in %2)</source>
        <translation>Frist %1 (om %2)</translation>
    </message>
    <message>
        <source>Nothing to fill in for %1 — check the text before it goes out.</source>
        <translation>Intet at udfylde for %1 — tjek teksten, før den sendes.</translation>
    </message>
    <message>
        <source>Overdue: was due %1 (%2 ago)</source>
        <translation>Overskredet: fristen var %1 (for %2 siden)</translation>
    </message>
    <message>
        <source>Promise kept: answered %1</source>
        <translation>Løfte holdt: besvaret %1</translation>
    </message>
    <message>
        <source>Promise broken: answered %1</source>
        <translation>Løfte brudt: besvaret %1</translation>
    </message>
    <message>
        <source>(%1 early)</source>
        <translation>(%1 før tid)</translation>
    </message>
    <message>
        <source>(%1 late)</source>
        <translation>(%1 for sent)</translation>
    </message>
    <message>
        <source>No promise running (waiting on the customer or closed).</source>
        <translation>Intet løfte kører (venter på kunden eller lukket).</translation>
    </message>
    <message>
        <source>Already acknowledged %1.</source>
        <translation>Allerede kvitteret %1.</translation>
    </message>
    <message>
        <source>Promise:</source>
        <translation>Løfte:</translation>
    </message>
    <message>
        <source>S&amp;ubject:</source>
        <translation>E&amp;mne:</translation>
    </message>
    <message>
        <source>Say or post this to the customer, then record it as given.</source>
        <translation>Sig eller skriv dette til kunden, og registrér det derefter som givet.</translation>
    </message>
    <message>
        <source>That time has passed: this text promises a fresh one, %1.</source>
        <translation>Det tidspunkt er passeret: teksten lover et nyt, %1.</translation>
    </message>
    <message>
        <source>The acknowledgement is empty.</source>
        <translation>Kvitteringen er tom.</translation>
    </message>
    <message>
        <source>the mail server did not answer</source>
        <translation>mailserveren svarede ikke</translation>
    </message>
</context>
<context>
    <name>AckFeature</name>
    <message>
        <source>Ac&amp;knowledge…</source>
        <extracomment>an automatic round finished (tests wait on it)</extracomment>
        <translation>&amp;Kvittér for modtagelse…</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Kvittér</translation>
    </message>
    <message>
        <source>Automatic acknowledgement failed: %1</source>
        <translation>Automatisk kvittering mislykkedes: %1</translation>
    </message>
    <message>
        <source>Automatic acknowledgement: %1</source>
        <translation>Automatisk kvittering: %1</translation>
    </message>
    <message>
        <source>E&amp;xplain promise…</source>
        <translation>&amp;Forklar løftet…</translation>
    </message>
    <message>
        <source>How the due time was counted</source>
        <translation>Sådan blev fristen beregnet</translation>
    </message>
    <message>
        <source>Nothing to acknowledge: the customer is not waiting for a reply</source>
        <translation>Intet at kvittere for: kunden venter ikke på svar</translation>
    </message>
    <message>
        <source>Promise for #%1 — %2</source>
        <translation>Løfte for #%1 — %2</translation>
    </message>
    <message>
        <source>Sent %1 automatic acknowledgements</source>
        <translation>%1 automatiske kvitteringer sendt</translation>
    </message>
    <message>
        <source>Tell the customer when they will hear from you</source>
        <translation>Fortæl kunden, hvornår de hører fra dig</translation>
    </message>
</context>
<context>
    <name>AssistantHoursPage</name>
    <message>
        <source>Reply promises count only your opening hours: an email on Friday evening is due on Monday, not on Saturday.</source>
        <translation>Svarløfter tæller kun dine åbningstider: en mail fredag aften skal besvares mandag, ikke lørdag.</translation>
    </message>
    <message>
        <source>Vacations and closed days: Tools &gt; Settings &gt; Hours &amp; holidays.</source>
        <translation>Ferie og lukkedage: Værktøjer &gt; Indstillinger &gt; Åbningstider og helligdage.</translation>
    </message>
    <message>
        <source>When you are open</source>
        <translation>Hvornår du har åbent</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Gem…</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Vedhæftede filer</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>Kunne ikke gemme %1: %2</translation>
    </message>
    <message>
        <source>Formatted mail:</source>
        <translation>Formateret mail:</translation>
    </message>
    <message>
        <source>Formatted messages</source>
        <translation>Formaterede beskeder</translation>
    </message>
    <message>
        <source>No attachments in this conversation.</source>
        <translation>Ingen vedhæftede filer i denne samtale.</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Gem vedhæftet fil</translation>
    </message>
    <message>
        <source>Save the attachment to a file (it is not opened)</source>
        <translation>Gem den vedhæftede fil (den åbnes ikke)</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gemt i %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Gemmer…</translation>
    </message>
    <message>
        <source>Show &amp;formatted (remote images blocked)…</source>
        <translation>Vis &amp;formateret (eksterne billeder blokeret)…</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 kB</source>
        <translation>%1 kB</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Før en gendannelse</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>Før en opgradering</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Daglig</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manuel</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>Åbn skrivebeskyttet</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Afslut</translation>
    </message>
    <message>
        <source>Restore newest good backup</source>
        <translation>Gendan nyeste gode sikkerhedskopi</translation>
    </message>
    <message>
        <source>The SoloService database is damaged (%1). Nothing has been written to it.</source>
        <translation>SoloService-databasen er beskadiget (%1). Der er ikke skrevet noget til den.</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>Databasen er beskadiget</translation>
    </message>
    <message>
        <source>The database is damaged and open read-only: nothing can be changed. Restore a backup with File → Backups…</source>
        <translation>Databasen er beskadiget og åbnet skrivebeskyttet: intet kan ændres. Gendan en sikkerhedskopi med Filer → Sikkerhedskopier…</translation>
    </message>
    <message>
        <source>The newest good backup is from %1. The damaged data is kept as a backup.</source>
        <translation>Den nyeste gode sikkerhedskopi er fra %1. De beskadigede data gemmes som sikkerhedskopi.</translation>
    </message>
    <message>
        <source>The restore failed</source>
        <translation>Gendannelsen mislykkedes</translation>
    </message>
    <message>
        <source>There is no good backup to restore.</source>
        <translation>Der er ingen god sikkerhedskopi at gendanne.</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Ugentlig</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Tag sikkerhedskopi nu</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Gendan…</translation>
    </message>
    <message>
        <source>A backup is taken every day you use SoloService (7 daily and 4 weekly are kept) and before every upgrade of the database.</source>
        <translation>Der tages en sikkerhedskopi hver dag, du bruger SoloService (7 daglige og 4 ugentlige gemmes), og før hver opgradering af databasen.</translation>
    </message>
    <message>
        <source>Backed up to %1</source>
        <translation>Sikkerhedskopieret til %1</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Tager sikkerhedskopi…</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sikkerhedskopier</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>No backups yet.</source>
        <translation>Ingen sikkerhedskopier endnu.</translation>
    </message>
    <message>
        <source>Open &amp;folder</source>
        <translation>Åbn &amp;mappe</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder: move it away so backups can be kept.</source>
        <translation>%1 er en fil, ikke en mappe: flyt den væk, så der kan tages sikkerhedskopier.</translation>
    </message>
    <message>
        <source>Replace the current data with the backup of %1? The current data is kept as a backup first.</source>
        <translation>Erstat de nuværende data med sikkerhedskopien fra %1? De nuværende data gemmes først som sikkerhedskopi.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Gendan</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Gendan en sikkerhedskopi</translation>
    </message>
    <message>
        <source>Restored. SoloService starts again on the restored data.</source>
        <translation>Gendannet. SoloService starter igen med de gendannede data.</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Størrelse</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Taget</translation>
    </message>
    <message>
        <source>The backup failed: %1</source>
        <translation>Sikkerhedskopien mislykkedes: %1</translation>
    </message>
    <message>
        <source>The database is damaged: restore a backup</source>
        <translation>Databasen er beskadiget: gendan en sikkerhedskopi</translation>
    </message>
    <message>
        <source>The restore failed: %1</source>
        <translation>Gendannelsen mislykkedes: %1</translation>
    </message>
</context>
<context>
    <name>BackupsFeature</name>
    <message>
        <source>&amp;Backups…</source>
        <translation>&amp;Sikkerhedskopier…</translation>
    </message>
</context>
<context>
    <name>BusinessPage</name>
    <message>
        <source> years</source>
        <translation> år</translation>
    </message>
    <message>
        <source>%1 × %2 years = %3</source>
        <translation>%1 × %2 år = %3</translation>
    </message>
    <message>
        <source>&amp;Average revenue per customer per year:</source>
        <translation>&amp;Gennemsnitlig omsætning pr. kunde pr. år:</translation>
    </message>
    <message>
        <source>&amp;Business name:</source>
        <translation>&amp;Virksomhedens navn:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>&amp;Website:</source>
        <translation>&amp;Hjemmeside:</translation>
    </message>
    <message>
        <source>A customer&apos;s own figures on the customer card override these averages. Next to a customer&apos;s lifetime value, a small remedy is nothing.</source>
        <translation>En kundes egne tal på kundekortet går forud for disse gennemsnit. Set i forhold til en kundes livstidsværdi er en lille godtgørelse ingenting.</translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation>&amp;Valuta:</translation>
    </message>
    <message>
        <source>Danish</source>
        <translation>Dansk</translation>
    </message>
    <message>
        <source>E&amp;xpected years as a customer:</source>
        <translation>&amp;Forventet antal år som kunde:</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Engelsk</translation>
    </message>
    <message>
        <source>Lifetime value:</source>
        <translation>Livstidsværdi:</translation>
    </message>
    <message>
        <source>Norwegian (bokmål)</source>
        <translation>Norsk (bokmål)</translation>
    </message>
    <message>
        <source>The business email does not look like an address.</source>
        <translation>Virksomhedens e-mail ligner ikke en adresse.</translation>
    </message>
    <message>
        <source>Your &amp;language:</source>
        <translation>Dit &amp;sprog:</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Dit &amp;navn:</translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message>
        <source> min</source>
        <translation> min.</translation>
    </message>
    <message>
        <source>&amp;Complaint</source>
        <translation>&amp;Klage</translation>
    </message>
    <message>
        <source>&amp;Incoming</source>
        <translation>&amp;Indgående</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Navn:</translation>
    </message>
    <message>
        <source>&amp;Outgoing</source>
        <translation>&amp;Udgående</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>&amp;Solved on the call</source>
        <translation>&amp;Løst under opkaldet</translation>
    </message>
    <message>
        <source>C&amp;ase:</source>
        <translation>S&amp;ag:</translation>
    </message>
    <message>
        <source>Call time:</source>
        <translation>Opkaldstid:</translation>
    </message>
    <message>
        <source>Call-&amp;back owed</source>
        <translation>Skylder at &amp;ringe tilbage</translation>
    </message>
    <message>
        <source>Could not save the call: %1</source>
        <translation>Kunne ikke gemme opkaldet: %1</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>Kundens navn</translation>
    </message>
    <message>
        <source>Direction:</source>
        <translation>Retning:</translation>
    </message>
    <message>
        <source>Discard this call?</source>
        <translation>Kassér dette opkald?</translation>
    </message>
    <message>
        <source>Duration in minutes</source>
        <translation>Varighed i minutter</translation>
    </message>
    <message>
        <source>Existing customer: %1</source>
        <translation>Eksisterende kunde: %1</translation>
    </message>
    <message>
        <source>Log a call</source>
        <translation>Registrér opkald</translation>
    </message>
    <message>
        <source>Matching customers</source>
        <translation>Matchende kunder</translation>
    </message>
    <message>
        <source>Name (searches existing customers)</source>
        <translation>Navn (søger blandt eksisterende kunder)</translation>
    </message>
    <message>
        <source>Not&amp;es:</source>
        <translation>&amp;Noter:</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Noter</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>Udfald:</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Telefonnummer</translation>
    </message>
    <message>
        <source>Save</source>
        <extracomment>the inquiry selected when the dialog was opened (most likely the call-back it owes)</extracomment>
        <translation>Gem</translation>
    </message>
    <message>
        <source>Save the call (Ctrl+Enter)</source>
        <translation>Gem opkaldet (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>The call has not been saved. Discard what you typed?</source>
        <translation>Opkaldet er ikke gemt. Kassér det, du har skrevet?</translation>
    </message>
    <message>
        <source>The phone number is not valid; fix it or leave it empty.</source>
        <translation>Telefonnummeret er ikke gyldigt; ret det, eller lad feltet stå tomt.</translation>
    </message>
    <message>
        <source>Type a phone number or a name.</source>
        <translation>Skriv et telefonnummer eller et navn.</translation>
    </message>
    <message>
        <source>Type the duration if you did not time the call</source>
        <translation>Skriv varigheden, hvis du ikke tog tid på opkaldet</translation>
    </message>
    <message>
        <source>What was it about? What did you promise?</source>
        <translation>Hvad handlede det om? Hvad lovede du?</translation>
    </message>
    <message>
        <source>Write a few words about the call.</source>
        <translation>Skriv et par ord om opkaldet.</translation>
    </message>
    <message>
        <source>e.g. 20 30 40 50 or +47 912 34 567</source>
        <translation>fx 20 30 40 50 eller +47 912 34 567</translation>
    </message>
    <message>
        <source>or &amp;minutes:</source>
        <translation>eller &amp;minutter:</translation>
    </message>
    <message>
        <source>use timer</source>
        <translation>brug stopur</translation>
    </message>
</context>
<context>
    <name>CallTimer</name>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Start or stop the call timer (Ctrl+T)</source>
        <translation>Start eller stop opkaldsuret (Ctrl+T)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
</context>
<context>
    <name>CaptureFeature</name>
    <message>
        <source>&amp;Quick capture…</source>
        <translation>&amp;Hurtig registrering…</translation>
    </message>
    <message>
        <source>Captured #%1</source>
        <translation>Registreret #%1</translation>
    </message>
    <message>
        <source>Paste a comment, review or message seen elsewhere</source>
        <translation>Indsæt en kommentar, anmeldelse eller besked, du har set et andet sted</translation>
    </message>
</context>
<context>
    <name>CaseChoice</name>
    <message>
        <source>Add the call to</source>
        <translation>Føj opkaldet til</translation>
    </message>
    <message>
        <source>Add the call to an open case of this customer, or start a new inquiry</source>
        <translation>Føj opkaldet til en åben sag for denne kunde, eller start en ny henvendelse</translation>
    </message>
    <message>
        <source>Add to #%1</source>
        <extracomment>the founder picked an entry: a later change of direction keeps their pick</extracomment>
        <translation>Føj til #%1</translation>
    </message>
    <message>
        <source>Add to #%1 “%2”</source>
        <translation>Føj til #%1 “%2”</translation>
    </message>
    <message>
        <source>New inquiry</source>
        <translation>Ny henvendelse</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <source>Add &amp;note</source>
        <translation>Tilføj &amp;notat</translation>
    </message>
    <message>
        <source>Add a private note… (Ctrl+Enter)</source>
        <translation>Tilføj et privat notat… (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Call from customer</source>
        <translation>Opkald fra kunden</translation>
    </message>
    <message>
        <source>Call to customer</source>
        <translation>Opkald til kunden</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Samtale</translation>
    </message>
    <message>
        <source>No inquiry selected</source>
        <translation>Ingen henvendelse valgt</translation>
    </message>
    <message>
        <source>No messages yet.</source>
        <translation>Ingen beskeder endnu.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>Pick an inquiry on the left, or log a call with Ctrl+L.</source>
        <translation>Vælg en henvendelse til venstre, eller registrér et opkald med Ctrl+L.</translation>
    </message>
    <message>
        <source>Show the customer card (F9)</source>
        <extracomment>the customer&apos;s name in the header was clicked: show their card</extracomment>
        <translation>Vis kundekortet (F9)</translation>
    </message>
    <message>
        <source>answer due %1</source>
        <translation>svarfrist %1</translation>
    </message>
    <message>
        <source>automatic mail: %1</source>
        <translation>automatisk mail: %1</translation>
    </message>
    <message>
        <source>duration %1</source>
        <translation>varighed %1</translation>
    </message>
    <message>
        <source>noticed: %1</source>
        <translation>opdaget: %1</translation>
    </message>
    <message>
        <source>promise broken</source>
        <translation>løfte brudt</translation>
    </message>
    <message>
        <source>promise kept</source>
        <translation>løfte holdt</translation>
    </message>
    <message>
        <source>received %1</source>
        <translation>modtaget %1</translation>
    </message>
    <message>
        <source>snoozed until %1</source>
        <translation>udsat til %1</translation>
    </message>
    <message>
        <source>worth %1</source>
        <translation>værdi %1</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <source>&amp;Copy details</source>
        <translation>&amp;Kopiér detaljer</translation>
    </message>
    <message>
        <source>SoloService hit a bug</source>
        <translation>SoloService stødte på en fejl</translation>
    </message>
    <message>
        <source>Something went wrong that SoloService did not expect. What you saved is safe; the last action may not have finished.</source>
        <translation>Noget uventet gik galt i SoloService. Det, du har gemt, er i sikkerhed; den sidste handling er måske ikke gennemført.</translation>
    </message>
    <message>
        <source>The details are in the log file. Copy them into a mail to support: %1</source>
        <translation>Detaljerne står i logfilen. Kopiér dem ind i en mail til support: %1</translation>
    </message>
</context>
<context>
    <name>CsvImportWizard</name>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importér</translation>
    </message>
    <message>
        <source>Import form submissions (CSV)</source>
        <translation>Importér formularindsendelser (CSV)</translation>
    </message>
</context>
<context>
    <name>CustomerCardView</name>
    <message>
        <source>%1 address</source>
        <translation>%1-adresse</translation>
    </message>
    <message>
        <source>%1 number</source>
        <translation>%1-nummer</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(intet navn)</translation>
    </message>
    <message>
        <source>Danish</source>
        <translation>Dansk</translation>
    </message>
    <message>
        <source>Earlier inquiries</source>
        <translation>Tidligere henvendelser</translation>
    </message>
    <message>
        <source>Earlier inquiries (%1)</source>
        <translation>Tidligere henvendelser (%1)</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Engelsk</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <source>Language: %1</source>
        <translation>Sprog: %1</translation>
    </message>
    <message>
        <source>Language: %1 (guessed: %2)</source>
        <translation>Sprog: %1 (gættet: %2)</translation>
    </message>
    <message>
        <source>Lifetime value: %1</source>
        <translation>Livstidsværdi: %1</translation>
    </message>
    <message>
        <source>No customer</source>
        <translation>Ingen kunde</translation>
    </message>
    <message>
        <source>No earlier inquiries</source>
        <translation>Ingen tidligere henvendelser</translation>
    </message>
    <message>
        <source>No phone, email or handle yet</source>
        <translation>Endnu ingen telefon, e-mail eller brugernavn</translation>
    </message>
    <message>
        <source>Norwegian</source>
        <translation>Norsk</translation>
    </message>
    <message>
        <source>Replies, acknowledgements and surveys use this language; change it with Edit</source>
        <translation>Svar, kvitteringer og undersøgelser bruger dette sprog; skift det med Redigér</translation>
    </message>
    <message>
        <source>Yearly value × expected years; set per customer or from the defaults</source>
        <translation>Årlig værdi × forventede år; sat for kunden eller ud fra standardværdierne</translation>
    </message>
    <message>
        <source>text</source>
        <translation>tekst</translation>
    </message>
    <message>
        <source>text in another language</source>
        <translation>tekst på et andet sprog</translation>
    </message>
</context>
<context>
    <name>CustomerCounts</name>
    <message numerus="yes">
        <source>Merged %1 into %2 (%n inquiry(s) moved)</source>
        <translation>
            <numerusform>Flettede %1 ind i %2 (%n henvendelse flyttet)</numerusform>
            <numerusform>Flettede %1 ind i %2 (%n henvendelser flyttet)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerEditDialog</name>
    <message>
        <source> years</source>
        <translation> år</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Tilføj</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprog:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Navn:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Gem</translation>
    </message>
    <message>
        <source>Annual &amp;value:</source>
        <translation>Årlig &amp;værdi:</translation>
    </message>
    <message>
        <source>Customer: %1</source>
        <translation>Kunde: %1</translation>
    </message>
    <message>
        <source>Email, phone number or handle</source>
        <translation>E-mail, telefonnummer eller brugernavn</translation>
    </message>
    <message>
        <source>Expected &amp;years:</source>
        <translation>Forventede &amp;år:</translation>
    </message>
    <message>
        <source>Guessed from their first message (%1). Choose one to make it yours.</source>
        <translation>Gættet ud fra den første besked (%1). Vælg et sprog for at bestemme selv.</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;oter:</translation>
    </message>
    <message>
        <source>Never ask this customer for surveys (opted out)</source>
        <translation>Spørg aldrig denne kunde om undersøgelser (fravalgt)</translation>
    </message>
    <message>
        <source>Own figure</source>
        <translation>Egen værdi</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Fjern</translation>
    </message>
    <message>
        <source>Reach them at:</source>
        <translation>Kontakt via:</translation>
    </message>
    <message>
        <source>Ways to reach the customer</source>
        <translation>Måder at kontakte kunden på</translation>
    </message>
    <message>
        <source>Worth %1 over the years</source>
        <translation>Værd %1 over årene</translation>
    </message>
</context>
<context>
    <name>CustomerEditFeature</name>
    <message>
        <source>Edit &amp;customer…</source>
        <translation>&amp;Redigér kunde…</translation>
    </message>
    <message>
        <source>Edit customer, value and contacts…</source>
        <extracomment>the card&apos;s &quot;Edit customer…&quot; link; hidden with the card</extracomment>
        <translation>Redigér kunde, værdi og kontaktoplysninger…</translation>
    </message>
    <message>
        <source>Name, language, notes, what the customer is worth</source>
        <translation>Navn, sprog, noter, hvad kunden er værd</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gemt</translation>
    </message>
</context>
<context>
    <name>CustomerMatching</name>
    <message>
        <source>%1 open inquiries</source>
        <translation>%1 åbne henvendelser</translation>
    </message>
    <message>
        <source>(%1 open)</source>
        <translation>(%1 åbne)</translation>
    </message>
    <message>
        <source>Existing customer: %1</source>
        <translation>Eksisterende kunde: %1</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>Ny kunde</translation>
    </message>
    <message>
        <source>Not a valid phone number yet</source>
        <translation>Endnu ikke et gyldigt telefonnummer</translation>
    </message>
    <message>
        <source>Type the number; the country defaults to %1</source>
        <translation>Skriv nummeret; landet er %1, hvis intet andet angives</translation>
    </message>
    <message>
        <source>⚠ %1: not a known number range; it will be saved, check it</source>
        <translation>⚠ %1: ikke en kendt nummerserie; det gemmes, men tjek det</translation>
    </message>
</context>
<context>
    <name>CustomersFeature</name>
    <message>
        <source>%1 is a customer of their own again</source>
        <translation>%1 er igen en selvstændig kunde</translation>
    </message>
    <message>
        <source>Customers that may be the same person as this one</source>
        <translation>Kunder, der kan være samme person som denne</translation>
    </message>
    <message>
        <source>No likely duplicates of %1</source>
        <translation>Ingen sandsynlige dubletter af %1</translation>
    </message>
    <message>
        <source>Same person? &amp;Merge with…</source>
        <translation>Samme person? Fle&amp;t med…</translation>
    </message>
    <message>
        <source>Undo merge</source>
        <extracomment>counted messages (&quot;%n … (s)&quot;): a context lupdate reads as plurals (soloservice/plurals.py)</extracomment>
        <translation>Fortryd fletning</translation>
    </message>
    <message>
        <source>this customer</source>
        <translation>denne kunde</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>&amp;Import entries from my website&apos;s contact form (a CSV export) next</source>
        <translation>&amp;Importér henvendelser fra min hjemmesides kontaktformular (en CSV-eksport) bagefter</translation>
    </message>
    <message>
        <source>Everything here can be changed later: Tools &gt; Settings… (Ctrl+,) for your names, hours and values, Tools &gt; Mail accounts… for mail, and File &gt; Import for form exports.</source>
        <translation>Alt her kan ændres senere: Værktøjer &gt; Indstillinger… (Ctrl+,) for navne, åbningstider og værdier, Værktøjer &gt; Mailkonti… for mail og Filer &gt; Importér for formulareksporter.</translation>
    </message>
    <message>
        <source>Finish saves your answers.</source>
        <translation>Udfør gemmer dine svar.</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Klar</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source> days</source>
        <translation> dage</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Gennemse…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fil:</translation>
    </message>
    <message>
        <source>&amp;Mark entries older than</source>
        <translation>&amp;Markér henvendelser ældre end</translation>
    </message>
    <message>
        <source>A CSV file exported from your form service (WPForms, Jotform, Google Forms, Typeform, Tally…) or saved from Excel.</source>
        <translation>En CSV-fil eksporteret fra din formulartjeneste (WPForms, Jotform, Google Forms, Typeform, Tally…) eller gemt fra Excel.</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All (*)</source>
        <translation>CSV-filer (*.csv *.txt);;Alle (*)</translation>
    </message>
    <message>
        <source>Choose the export</source>
        <extracomment>&quot;Mark entries older than [30] days as already answered&quot;: the days offered first The mapping&apos;s fields in the order the page shows them.</extracomment>
        <translation>Vælg eksporten</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Dage</translation>
    </message>
    <message>
        <source>F&amp;orm name:</source>
        <translation>F&amp;ormularens navn:</translation>
    </message>
    <message>
        <source>Form submissions</source>
        <translation>Formularindsendelser</translation>
    </message>
    <message>
        <source>Path to the .csv file</source>
        <translation>Sti til .csv-filen</translation>
    </message>
    <message>
        <source>The column mapping is remembered under the form&apos;s name for the next export.</source>
        <translation>Kolonnernes betydning huskes under formularens navn til næste eksport.</translation>
    </message>
    <message>
        <source>They are imported resolved, with no reply promise and no follow-up, so old entries do not show up as overdue.</source>
        <translation>De importeres som løste, uden svarløfte og uden opfølgning, så gamle henvendelser ikke står som overskredne.</translation>
    </message>
    <message>
        <source>This file cannot be imported: %1</source>
        <translation>Denne fil kan ikke importeres: %1</translation>
    </message>
    <message>
        <source>as already answered</source>
        <translation>som allerede besvaret</translation>
    </message>
    <message>
        <source>e.g. Kontaktformular</source>
        <translation>fx Kontaktformular</translation>
    </message>
</context>
<context>
    <name>FirstStartAssistant</name>
    <message>
        <source>Nothing is saved; set this up later in Tools &gt; Settings…</source>
        <translation>Intet gemmes; sæt det op senere under Værktøjer &gt; Indstillinger…</translation>
    </message>
    <message>
        <source>Set up SoloService</source>
        <translation>Opsæt SoloService</translation>
    </message>
    <message>
        <source>Skip for now</source>
        <translation>Spring over indtil videre</translation>
    </message>
    <message>
        <source>Your answers could not be saved: %1</source>
        <translation>Dine svar kunne ikke gemmes: %1</translation>
    </message>
</context>
<context>
    <name>FollowupPage</name>
    <message>
        <source> customers</source>
        <translation> kunder</translation>
    </message>
    <message>
        <source> days</source>
        <translation> dage</translation>
    </message>
    <message>
        <source> days after resolving</source>
        <translation> dage efter løsning</translation>
    </message>
    <message>
        <source>&amp;Rest period between surveys:</source>
        <translation>&amp;Hvileperiode mellem undersøgelser:</translation>
    </message>
    <message>
        <source>&lt;b&gt;NPS pulse&lt;/b&gt; — ask a few customers every month:</source>
        <translation>&lt;b&gt;NPS-puls&lt;/b&gt; — spørg nogle få kunder hver måned:</translation>
    </message>
    <message>
        <source>A &amp;share of all customers per month:</source>
        <translation>En &amp;andel af alle kunder pr. måned:</translation>
    </message>
    <message>
        <source>A fixed &amp;number per month:</source>
        <translation>Et fast &amp;antal pr. måned:</translation>
    </message>
    <message>
        <source>Ask &quot;are you satisfied?&quot; &amp;after:</source>
        <translation>Spørg &quot;er du tilfreds?&quot; &amp;efter:</translation>
    </message>
    <message>
        <source>Include the 0–10 &amp;recommendation question</source>
        <translation>Medtag &amp;anbefalingsspørgsmålet (0–10)</translation>
    </message>
    <message>
        <source>No customer is asked again within the rest period (about six months is usual), whether by a follow-up or the NPS pulse.</source>
        <translation>Ingen kunde spørges igen inden for hvileperioden (omkring et halvt år er almindeligt), hverken ved en opfølgning eller NPS-pulsen.</translation>
    </message>
</context>
<context>
    <name>FollowupsFeature</name>
    <message>
        <source>&amp;Follow-ups…</source>
        <translation>Opfølg&amp;ninger…</translation>
    </message>
    <message>
        <source>Ask customers whether they are satisfied, and record answers</source>
        <translation>Spørg kunderne, om de er tilfredse, og registrér svarene</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Opfølgning</translation>
    </message>
    <message>
        <source>Follow-ups (%1)</source>
        <translation>Opfølgninger (%1)</translation>
    </message>
</context>
<context>
    <name>FormRulesDialog</name>
    <message>
        <source>%1 (built-in)</source>
        <translation>%1 (indbygget)</translation>
    </message>
    <message>
        <source>%1 (mine %2)</source>
        <translation>%1 (min %2)</translation>
    </message>
    <message>
        <source>%1 (mine)</source>
        <translation>%1 (min)</translation>
    </message>
    <message>
        <source>%1 (off)</source>
        <translation>%1 (slået fra)</translation>
    </message>
    <message>
        <source>&amp;Add label</source>
        <translation>&amp;Tilføj etiket</translation>
    </message>
    <message>
        <source>&amp;Form name:</source>
        <translation>&amp;Formularens navn:</translation>
    </message>
    <message>
        <source>&amp;Load .eml…</source>
        <translation>&amp;Indlæs .eml…</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Navn:</translation>
    </message>
    <message>
        <source>&amp;New rule</source>
        <translation>&amp;Ny regel</translation>
    </message>
    <message>
        <source>&amp;Rules (yours are tried first)</source>
        <translation>&amp;Regler (dine prøves først)</translation>
    </message>
    <message>
        <source>&amp;Save rule</source>
        <translation>&amp;Gem regel</translation>
    </message>
    <message>
        <source>&amp;Sender:</source>
        <translation>&amp;Afsender:</translation>
    </message>
    <message>
        <source>&amp;Try on:</source>
        <translation>&amp;Prøv på:</translation>
    </message>
    <message>
        <source>&amp;Use this rule when mail arrives</source>
        <translation>&amp;Brug denne regel, når der kommer mail</translation>
    </message>
    <message>
        <source>(HTML only)</source>
        <translation>(kun HTML)</translation>
    </message>
    <message>
        <source>A built-in rule cannot be changed: edit a copy</source>
        <translation>En indbygget regel kan ikke ændres: redigér en kopi</translation>
    </message>
    <message>
        <source>A built-in rule: read only. “Copy to edit” makes your own version.</source>
        <translation>En indbygget regel: skrivebeskyttet. “Kopiér for at redigere” laver din egen version.</translation>
    </message>
    <message>
        <source>A mail of my own (paste or load)</source>
        <translation>En mail fra mig selv (indsæt eller indlæs)</translation>
    </message>
    <message>
        <source>A new rule: not saved yet.</source>
        <translation>En ny regel: endnu ikke gemt.</translation>
    </message>
    <message>
        <source>Built in: copy it to make your own version</source>
        <translation>Indbygget: kopiér den for at lave din egen version</translation>
    </message>
    <message>
        <source>Cop&amp;y to edit</source>
        <translation>Kop&amp;iér for at redigere</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Field &amp;labels:</source>
        <translation>Felt&amp;etiketter:</translation>
    </message>
    <message>
        <source>Field labels</source>
        <translation>Feltetiketter</translation>
    </message>
    <message>
        <source>Fix the pattern to see the preview.</source>
        <translation>Ret mønsteret for at se eksemplet.</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Formular</translation>
    </message>
    <message>
        <source>Form rules</source>
        <translation>Formularregler</translation>
    </message>
    <message>
        <source>Is</source>
        <translation>Er</translation>
    </message>
    <message>
        <source>Label in the mail</source>
        <extracomment>the width of the &quot;Is&quot; column (a field&apos;s name)</extracomment>
        <translation>Etiket i mailen</translation>
    </message>
    <message>
        <source>Live preview</source>
        <extracomment>the sample combo&apos;s entry for a mail of the founder&apos;s own</extracomment>
        <translation>Live-eksempel</translation>
    </message>
    <message>
        <source>Load a saved mail</source>
        <translation>Indlæs en gemt mail</translation>
    </message>
    <message>
        <source>Mail (*.eml *.txt);;All files (*)</source>
        <translation>Mail (*.eml *.txt);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Besked</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>One per line: a line starting with this ends the form (footer)</source>
        <translation>Én pr. linje: en linje, der begynder med dette, afslutter formularen (sidefod)</translation>
    </message>
    <message>
        <source>Only for labels not understood already (Navn, E-mail, Telefon, Besked, …)</source>
        <translation>Kun for etiketter, der ikke allerede forstås (Navn, E-mail, Telefon, Besked, …)</translation>
    </message>
    <message>
        <source>Paste a mail or load an .eml file to try the rule on it.</source>
        <translation>Indsæt en mail, eller indlæs en .eml-fil for at prøve reglen på den.</translation>
    </message>
    <message>
        <source>Paste a whole notification mail here, headers included (From:, Subject:)</source>
        <translation>Indsæt en hel notifikationsmail her, inklusive headere (From:, Subject:)</translation>
    </message>
    <message>
        <source>Patterns are globs (* and ?) matched against the whole address or subject, ignoring case; start with re: for a regular expression. A rule needs a sender or a subject pattern; with both, both must match.</source>
        <translation>Mønstre er jokertegn (* og ?), der matches mod hele adressen eller emnet uden hensyn til store og små bogstaver; start med re: for et regulært udtryk. En regel kræver et afsender- eller emnemønster; med begge skal begge passe.</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>&amp;Fjern…</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>Læses som</translation>
    </message>
    <message>
        <source>Remove label</source>
        <translation>Fjern etiket</translation>
    </message>
    <message>
        <source>Remove rule</source>
        <translation>Fjern regel</translation>
    </message>
    <message>
        <source>Remove the rule “%1”? Mail already imported stays as it is.</source>
        <translation>Fjern reglen “%1”? Mail, der allerede er importeret, forbliver som den er.</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>S&amp;top at:</source>
        <translation>S&amp;top ved:</translation>
    </message>
    <message>
        <source>Sample mail</source>
        <translation>Eksempelmail</translation>
    </message>
    <message>
        <source>Sample: %1</source>
        <translation>Eksempel: %1</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Gem (Ctrl+S)</translation>
    </message>
    <message>
        <source>Start an empty rule (Ctrl+N)</source>
        <translation>Start en tom regel (Ctrl+N)</translation>
    </message>
    <message>
        <source>Su&amp;bject:</source>
        <translation>E&amp;mne:</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Emne</translation>
    </message>
    <message>
        <source>The mail cannot be read: %1</source>
        <translation>Mailen kan ikke læses: %1</translation>
    </message>
    <message>
        <source>Type a sender or a subject pattern.</source>
        <translation>Skriv et afsender- eller emnemønster.</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Værdi</translation>
    </message>
    <message>
        <source>Web form rules</source>
        <extracomment>saves and removals run on the window&apos;s database lane, never on the GUI thread</extracomment>
        <translation>Regler for webformularer</translation>
    </message>
    <message>
        <source>What the rule reads</source>
        <translation>Hvad reglen læser</translation>
    </message>
    <message>
        <source>e.g. *@formspree.io or booking@shop.dk</source>
        <translation>fx *@formspree.io eller booking@shop.dk</translation>
    </message>
    <message>
        <source>e.g. Booking form</source>
        <translation>fx Bookingformular</translation>
    </message>
    <message>
        <source>e.g. New Entry: *   or   re:^Ny henvendelse</source>
        <translation>fx New Entry: *   eller   re:^Ny henvendelse</translation>
    </message>
    <message>
        <source>optional: shown as the form&apos;s name</source>
        <translation>valgfrit: vises som formularens navn</translation>
    </message>
    <message>
        <source>the sender does not match</source>
        <translation>afsenderen passer ikke</translation>
    </message>
    <message>
        <source>the subject does not match</source>
        <translation>emnet passer ikke</translation>
    </message>
    <message>
        <source>✓ Matches — becomes a form inquiry from %1</source>
        <translation>✓ Passer — bliver til en formularhenvendelse fra %1</translation>
    </message>
    <message>
        <source>✗ No match: %1</source>
        <translation>✗ Passer ikke: %1</translation>
    </message>
    <message>
        <source>✗ The mail matches, but no person could be read from it</source>
        <translation>✗ Mailen passer, men der kunne ikke læses en person ud af den</translation>
    </message>
</context>
<context>
    <name>FormsFeature</name>
    <message>
        <source>Form CSV imported: %1</source>
        <translation>Formular-CSV importeret: %1</translation>
    </message>
    <message>
        <source>Form rules saved; they apply to mail synced from now on</source>
        <translation>Formularregler gemt; de gælder for mail, der synkroniseres fra nu af</translation>
    </message>
    <message>
        <source>Form submissions (&amp;CSV)…</source>
        <translation>Formularindsendelser (&amp;CSV)…</translation>
    </message>
    <message>
        <source>Import a CSV export of a web form</source>
        <translation>Importér en CSV-eksport fra en webformular</translation>
    </message>
    <message>
        <source>Web &amp;form rules…</source>
        <translation>Regler for web&amp;formularer…</translation>
    </message>
    <message>
        <source>Which notification mails become form inquiries, with a live preview</source>
        <translation>Hvilke notifikationsmails der bliver til formularhenvendelser, med live-eksempel</translation>
    </message>
</context>
<context>
    <name>GdprCounts</name>
    <message numerus="yes">
        <source>Customer %1 forgotten: %n message(s) deleted</source>
        <translation>
            <numerusform>Kunde %1 glemt: %n besked slettet</numerusform>
            <numerusform>Kunde %1 glemt: %n beskeder slettet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GdprFeature</name>
    <message>
        <source>(no name)</source>
        <extracomment>counted messages (&quot;%n … (s)&quot;): a context lupdate reads as plurals (soloservice/plurals.py)</extracomment>
        <translation>(intet navn)</translation>
    </message>
    <message>
        <source>Customer data not exported</source>
        <translation>Kundedata blev ikke eksporteret</translation>
    </message>
    <message>
        <source>Customer data written to %1</source>
        <translation>Kundedata skrevet til %1</translation>
    </message>
    <message>
        <source>Delete this customer&apos;s personal data (the review&apos;s figures stay)</source>
        <translation>Slet kundens personoplysninger (tallene i gennemgangen bevares)</translation>
    </message>
    <message>
        <source>Everything about this customer as one JSON file</source>
        <translation>Alt om denne kunde i én JSON-fil</translation>
    </message>
    <message>
        <source>Export customer data</source>
        <translation>Eksportér kundedata</translation>
    </message>
    <message>
        <source>Export customer data…</source>
        <translation>Eksportér kundedata…</translation>
    </message>
    <message>
        <source>Export their data…</source>
        <extracomment>the card&apos;s two links; hidden while no customer is shown</extracomment>
        <translation>Eksportér kundens data…</translation>
    </message>
    <message>
        <source>Forget %1</source>
        <translation>Glem %1</translation>
    </message>
    <message>
        <source>Forget %1 for good?</source>
        <translation>Glem %1 for altid?</translation>
    </message>
    <message>
        <source>Forget customer</source>
        <translation>Glem kunde</translation>
    </message>
    <message>
        <source>Forget customer…</source>
        <translation>Glem kunde…</translation>
    </message>
    <message>
        <source>Forget…</source>
        <translation>Glem…</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-filer (*.json)</translation>
    </message>
    <message>
        <source>Kept without any text, so the weekly review&apos;s figures do not change: %1 inquiries (dates, channel, status), %2 survey scores and %3 remedies.</source>
        <translation>Bevares uden tekst, så tallene i den ugentlige gennemgang ikke ændres: %1 henvendelser (datoer, kanal, status), %2 svar på undersøgelser og %3 kompensationer.</translation>
    </message>
    <message>
        <source>Something went wrong; nothing was changed.

%1</source>
        <translation>Noget gik galt; intet blev ændret.

%1</translation>
    </message>
    <message>
        <source>This cannot be undone. Backups taken before now still hold the customer until they expire.</source>
        <translation>Det kan ikke fortrydes. Sikkerhedskopier taget før nu indeholder stadig kunden, indtil de udløber.</translation>
    </message>
    <message>
        <source>This deletes their name, notes, %1 contact details, %2 messages, %3 attachments, %4 stored mails and %5 unsent mails to them.</source>
        <translation>Dette sletter navn, noter, %1 kontaktoplysninger, %2 beskeder, %3 vedhæftede filer, %4 gemte mails og %5 ikke-sendte mails til kunden.</translation>
    </message>
</context>
<context>
    <name>GettingStarted</name>
    <message>
        <source>Connect your mailbox…</source>
        <translation>Forbind din mailboks…</translation>
    </message>
    <message>
        <source>Done</source>
        <extracomment>the steps in the order shown: key, StartSteps attribute</extracomment>
        <translation>Udført</translation>
    </message>
    <message>
        <source>Entries from your website&apos;s contact form, exported as a CSV file.</source>
        <translation>Henvendelser fra hjemmesidens kontaktformular, eksporteret som CSV-fil.</translation>
    </message>
    <message>
        <source>Import a form export (CSV)…</source>
        <translation>Importér en formulareksport (CSV)…</translation>
    </message>
    <message>
        <source>Log a first call…</source>
        <translation>Registrér et første opkald…</translation>
    </message>
    <message>
        <source>Mail to your business address becomes inquiries with a reply promise.</source>
        <translation>Mail til virksomhedens adresse bliver til henvendelser med et svarløfte.</translation>
    </message>
    <message>
        <source>No inquiries yet. These steps bring your customers&apos; messages in; each can be done later.</source>
        <translation>Ingen henvendelser endnu. Disse trin henter dine kunders beskeder ind; hvert trin kan også klares senere.</translation>
    </message>
    <message>
        <source>Not done yet</source>
        <translation>Ikke gjort endnu</translation>
    </message>
    <message>
        <source>Phone calls you took, so call-backs get a promise too.</source>
        <translation>Opkald, du har taget, så opringninger også får et løfte.</translation>
    </message>
    <message>
        <source>Promised reply times count only the hours you are open.</source>
        <translation>Lovede svartider tæller kun de timer, du har åbent.</translation>
    </message>
    <message>
        <source>Set your business hours…</source>
        <translation>Angiv dine åbningstider…</translation>
    </message>
    <message>
        <source>Welcome to SoloService — what to do next</source>
        <translation>Velkommen til SoloService — det næste at gøre</translation>
    </message>
</context>
<context>
    <name>HelpFeature</name>
    <message>
        <source>&amp;About SoloService</source>
        <translation>&amp;Om SoloService</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastaturgenveje</translation>
    </message>
    <message>
        <source>About SoloService</source>
        <translation>Om SoloService</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastaturgenveje</translation>
    </message>
    <message>
        <source>One inbox for every customer inquiry and complaint.</source>
        <translation>Én indbakke til alle kundehenvendelser og klager.</translation>
    </message>
    <message>
        <source>Open the &amp;data folder</source>
        <translation>Åbn &amp;datamappen</translation>
    </message>
    <message>
        <source>Your data: %1</source>
        <translation>Dine data: %1</translation>
    </message>
</context>
<context>
    <name>HoursPage</name>
    <message>
        <source>%1 – %2 (%3 days)</source>
        <translation>%1 – %2 (%3 dage)</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Tilføj</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Fjern</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Tidszone:</translation>
    </message>
    <message>
        <source>An email received now (%1) is due %2.</source>
        <translation>En e-mail modtaget nu (%1) skal besvares senest %2.</translation>
    </message>
    <message>
        <source>Closed on 24 &amp;December (Christmas Eve)</source>
        <translation>Lukket den 24. &amp;december (juleaften)</translation>
    </message>
    <message>
        <source>Closes before it opens (00:00 means midnight).</source>
        <extracomment>offered first in the holiday list: where SoloService&apos;s founders mostly are</extracomment>
        <translation>Lukker, før den åbner (00:00 betyder midnat).</translation>
    </message>
    <message>
        <source>First closed day</source>
        <translation>Første lukkedag</translation>
    </message>
    <message>
        <source>Fix the hours above to see when replies are due.</source>
        <translation>Ret åbningstiderne ovenfor for at se, hvornår svar skal gives.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>Last closed day</source>
        <translation>Sidste lukkedag</translation>
    </message>
    <message>
        <source>No public holidays</source>
        <translation>Ingen helligdage</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>Åbningstider</translation>
    </message>
    <message>
        <source>Pick a time zone from the list.</source>
        <translation>Vælg en tidszone på listen.</translation>
    </message>
    <message>
        <source>Public &amp;holidays:</source>
        <translation>&amp;Helligdage:</translation>
    </message>
    <message>
        <source>The business must be open on at least one day.</source>
        <translation>Virksomheden skal have åbent mindst én dag.</translation>
    </message>
    <message>
        <source>The last day is before the first.</source>
        <translation>Sidste dag ligger før den første.</translation>
    </message>
    <message>
        <source>Unknown time zone.</source>
        <translation>Ukendt tidszone.</translation>
    </message>
    <message>
        <source>Vacation and other closed days</source>
        <translation>Ferie og andre lukkedage</translation>
    </message>
    <message>
        <source>to</source>
        <translation>til</translation>
    </message>
</context>
<context>
    <name>HtmlView</name>
    <message>
        <source>&amp;Load remote content for this message</source>
        <translation>&amp;Indlæs eksternt indhold for denne besked</translation>
    </message>
    <message numerus="yes">
        <source>Remote content loaded for this message (%n image(s)).</source>
        <translation>
            <numerusform>Eksternt indhold indlæst for denne besked (%n billede).</numerusform>
            <numerusform>Eksternt indhold indlæst for denne besked (%n billeder).</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not load remote content: %1</source>
        <translation>Kunne ikke indlæse eksternt indhold: %1</translation>
    </message>
    <message>
        <source>Formatted message</source>
        <translation>Formateret besked</translation>
    </message>
    <message>
        <source>Formatted: %1</source>
        <translation>Formateret: %1</translation>
    </message>
    <message>
        <source>Loading remote content…</source>
        <translation>Indlæser eksternt indhold…</translation>
    </message>
    <message>
        <source>Remote images and content are blocked, so the sender cannot see that you opened the mail.</source>
        <translation>Eksterne billeder og indhold er blokeret, så afsenderen ikke kan se, at du har åbnet mailen.</translation>
    </message>
    <message>
        <source>This message has no formatted version.</source>
        <translation>Denne besked har ingen formateret version.</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>%1 older entries were marked as already answered.</source>
        <translation>%1 ældre henvendelser blev markeret som allerede besvaret.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importér</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Importforløb</translation>
    </message>
    <message>
        <source>Import summary</source>
        <translation>Importoversigt</translation>
    </message>
    <message>
        <source>Imported: %1 new inquiries.</source>
        <translation>Importeret: %1 nye henvendelser.</translation>
    </message>
    <message>
        <source>Importing %1: %2 of %3 rows…</source>
        <translation>Importerer %1: %2 af %3 rækker…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importerer %1…</translation>
    </message>
    <message>
        <source>Nothing new: every row was imported before.</source>
        <translation>Intet nyt: alle rækker er importeret før.</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Intet blev importeret: %1</translation>
    </message>
    <message>
        <source>S&amp;top import</source>
        <translation>S&amp;top import</translation>
    </message>
    <message>
        <source>Stop after the rows being stored now; what was imported is kept</source>
        <translation>Stop efter de rækker, der gemmes nu; det importerede bevares</translation>
    </message>
    <message>
        <source>Stopped: %1 of %2 rows were imported. Import the same file again to add the rest; rows already imported are skipped.</source>
        <translation>Stoppet: %1 af %2 rækker blev importeret. Importér den samme fil igen for at tilføje resten; allerede importerede rækker springes over.</translation>
    </message>
    <message>
        <source>Stopping after the rows being stored now…</source>
        <translation>Stopper efter de rækker, der gemmes nu…</translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <source>(unknown)</source>
        <translation>(ukendt)</translation>
    </message>
    <message>
        <source>Answer promised by %1</source>
        <translation>Svar lovet senest %1</translation>
    </message>
    <message>
        <source>At risk of a public complaint.</source>
        <translation>Risiko for en offentlig klage.</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>Ring tilbage</translation>
    </message>
    <message>
        <source>Call back!</source>
        <translation>Ring tilbage!</translation>
    </message>
    <message>
        <source>Channel</source>
        <extracomment>more separate blocks of rows leaving or joining than this: one reset is cheaper while searching: each matching row&apos;s passage, matched words marked a narrow list shows the channel as its icon only: no header text (the table&apos;s delegate paints the cells without their text; the name is in the tooltip) how many rows were asked of the database since the last reset (tests read it)</extracomment>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Klage</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Overdue by %1 (promised %2)</source>
        <translation>Overskredet med %1 (lovet %2)</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Modtaget</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Udsat</translation>
    </message>
    <message>
        <source>Snoozed until %1</source>
        <translation>Udsat til %1</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Emne</translation>
    </message>
    <message>
        <source>Unhappy with the solution: call back within 24 hours.</source>
        <translation>Utilfreds med løsningen: ring tilbage inden for 24 timer.</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Værdi</translation>
    </message>
    <message>
        <source>What the customer is worth over the years (lifetime value)</source>
        <translation>Hvad kunden er værd over årene (livstidsværdi)</translation>
    </message>
</context>
<context>
    <name>InboxTable</name>
    <message>
        <source>Inbox zero — nothing waiting</source>
        <translation>Tom indbakke — intet venter</translation>
    </message>
    <message>
        <source>Inquiries</source>
        <extracomment>below this the subject column is not worth reading (&quot;Tha…&quot;)</extracomment>
        <translation>Henvendelser</translation>
    </message>
    <message>
        <source>No inquiries match “%1”</source>
        <translation>Ingen henvendelser matcher “%1”</translation>
    </message>
    <message>
        <source>Nothing due today</source>
        <translation>Intet med frist i dag</translation>
    </message>
    <message>
        <source>Nothing here</source>
        <translation>Intet her</translation>
    </message>
    <message>
        <source>Nothing overdue — every promise kept</source>
        <translation>Intet overskredet — alle løfter holdt</translation>
    </message>
</context>
<context>
    <name>InquiryPane</name>
    <message>
        <source>Customer</source>
        <extracomment>panels added with an order below this are composers (Reply, Reply on Facebook...) below this window width the side panel starts closed the composer&apos;s first share of the reading column the most of the reading column a growing reply takes from the conversation</extracomment>
        <translation>Kunde</translation>
    </message>
</context>
<context>
    <name>KindFeature</name>
    <message>
        <source>&amp;Complaint</source>
        <translation>&amp;Klage</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>&amp;Praise</source>
        <translation>&amp;Ros</translation>
    </message>
    <message>
        <source>&amp;Question</source>
        <translation>&amp;Spørgsmål</translation>
    </message>
    <message>
        <source>Mark as &amp;complaint</source>
        <translation>Markér som &amp;klage</translation>
    </message>
    <message>
        <source>Mark the inquiry as a complaint, or back to a question if it is one</source>
        <translation>Markér henvendelsen som en klage, eller tilbage til spørgsmål, hvis den er en klage</translation>
    </message>
    <message>
        <source>Marked #%1 as %2</source>
        <translation>Markerede #%1 som %2</translation>
    </message>
</context>
<context>
    <name>MailAccountsDialog</name>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Tilføj</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Visningsnavn:</translation>
    </message>
    <message>
        <source>&amp;Email address:</source>
        <translation>&amp;E-mailadresse:</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Mappe:</translation>
    </message>
    <message>
        <source>&amp;IMAP server:</source>
        <translation>&amp;IMAP-server:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Navn:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Adgangskode:</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Fjern</translation>
    </message>
    <message>
        <source>&amp;SMTP server:</source>
        <translation>&amp;SMTP-server:</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Test forbindelsen</translation>
    </message>
    <message>
        <source>&amp;Test connection (Ctrl+T)</source>
        <translation>&amp;Test forbindelsen (Ctrl+T)</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Brugernavn:</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>An account cannot be renamed; add a new one and remove this one.</source>
        <translation>En konto kan ikke omdøbes; tilføj en ny, og fjern denne.</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>Forbindelsen blev afvist</translation>
    </message>
    <message>
        <source>Enter the password for the account.</source>
        <translation>Indtast adgangskoden til kontoen.</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Mislykkedes</translation>
    </message>
    <message>
        <source>Host name not found (DNS)</source>
        <translation>Servernavnet blev ikke fundet (DNS)</translation>
    </message>
    <message>
        <source>I understand: the password and mail travel &amp;unencrypted</source>
        <translation>Jeg forstår: adgangskode og mail sendes &amp;ukrypteret</translation>
    </message>
    <message>
        <source>Keep it for this &amp;session only (ask again later)</source>
        <translation>Behold den kun i denne &amp;session (spørg igen senere)</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Seneste synkronisering: %1</translation>
    </message>
    <message>
        <source>Leave at &apos;default&apos; for the usual port of the security chosen</source>
        <translation>Lad stå på &apos;standard&apos; for den sædvanlige port til den valgte sikkerhed</translation>
    </message>
    <message>
        <source>Login failed — check the user name and password</source>
        <translation>Login mislykkedes — tjek brugernavn og adgangskode</translation>
    </message>
    <message>
        <source>Mail accounts</source>
        <extracomment>accounts were added, changed or removed a connection test finished (list of CheckResult) — tests wait on it</extracomment>
        <translation>Mailkonti</translation>
    </message>
    <message>
        <source>New account: fill in the form and save.</source>
        <translation>Ny konto: udfyld formularen, og gem.</translation>
    </message>
    <message>
        <source>No answer (timeout)</source>
        <translation>Intet svar (timeout)</translation>
    </message>
    <message>
        <source>None — unencrypted</source>
        <translation>Ingen — ukrypteret</translation>
    </message>
    <message>
        <source>Passwords are saved in the system keyring (%1).</source>
        <translation>Adgangskoder gemmes i systemets nøglering (%1).</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>&amp;Fjern…</translation>
    </message>
    <message>
        <source>Read from the environment variable %1 at each sync.</source>
        <translation>Læses fra miljøvariablen %1 ved hver synkronisering.</translation>
    </message>
    <message>
        <source>Rejected by the server</source>
        <translation>Afvist af serveren</translation>
    </message>
    <message>
        <source>Remove mail account</source>
        <translation>Fjern mailkonto</translation>
    </message>
    <message>
        <source>Remove the account %1 and its stored password? Mail already fetched stays in the inbox; no new mail is fetched from it.</source>
        <translation>Fjern kontoen %1 og dens gemte adgangskode? Mail, der allerede er hentet, bliver i indbakken; der hentes ikke længere ny mail fra den.</translation>
    </message>
    <message>
        <source>Removed %1</source>
        <translation>%1 fjernet</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>&amp;Gem</translation>
    </message>
    <message>
        <source>Save it in a &amp;file only you can read (0600)</source>
        <translation>Gem den i en &amp;fil, som kun du kan læse (0600)</translation>
    </message>
    <message>
        <source>Save the account (Ctrl+S)</source>
        <translation>Gem kontoen (Ctrl+S)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gemt</translation>
    </message>
    <message>
        <source>Saves changes first, then logs in to both servers</source>
        <translation>Gemmer først ændringerne og logger derefter ind på begge servere</translation>
    </message>
    <message>
        <source>Se&amp;nt folder:</source>
        <translation>&amp;Sendt-mappe:</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>Servere</translation>
    </message>
    <message>
        <source>Si&amp;gnature:</source>
        <translation>Si&amp;gnatur:</translation>
    </message>
    <message>
        <source>TLS / certificate problem</source>
        <translation>Problem med TLS/certifikat</translation>
    </message>
    <message>
        <source>Testing %1 — connecting to both servers…</source>
        <translation>Tester %1 — forbinder til begge servere…</translation>
    </message>
    <message>
        <source>The name customers see, e.g. Butikken</source>
        <extracomment>the name of the account in the form; None: a new one</extracomment>
        <translation>Det navn, kunderne ser, fx Butikken</translation>
    </message>
    <message>
        <source>This machine has no system keyring (%1), so the password cannot be saved there. Keep it for this session only, or save it in a file in your data folder that only your user can read.</source>
        <translation>Denne maskine har ingen systemnøglering (%1), så adgangskoden kan ikke gemmes der. Behold den kun i denne session, eller gem den i en fil i din datamappe, som kun din bruger kan læse.</translation>
    </message>
    <message>
        <source>Unencrypted connections need the tick under the servers; or choose SSL/TLS or STARTTLS.</source>
        <translation>Ukrypterede forbindelser kræver fluebenet under serverne; eller vælg SSL/TLS eller STARTTLS.</translation>
    </message>
    <message>
        <source>Unexpected answer</source>
        <translation>Uventet svar</translation>
    </message>
    <message>
        <source>Where the password is kept</source>
        <translation>Hvor adgangskoden opbevares</translation>
    </message>
    <message>
        <source>default</source>
        <translation>standard</translation>
    </message>
    <message>
        <source>e.g. Sent — a copy of each reply goes here</source>
        <translation>fx Sendt — en kopi af hvert svar lægges her</translation>
    </message>
    <message>
        <source>port</source>
        <translation>port</translation>
    </message>
    <message>
        <source>the password is in a file only you can read</source>
        <translation>adgangskoden ligger i en fil, som kun du kan læse</translation>
    </message>
    <message>
        <source>the password is in the system keyring</source>
        <translation>adgangskoden ligger i systemets nøglering</translation>
    </message>
    <message>
        <source>the password is kept until you quit SoloService</source>
        <translation>adgangskoden huskes, indtil du lukker SoloService</translation>
    </message>
    <message>
        <source>unchanged — type to replace</source>
        <translation>uændret — skriv for at erstatte</translation>
    </message>
</context>
<context>
    <name>MailFeature</name>
    <message>
        <source>&amp;Mail accounts…</source>
        <translation>&amp;Mailkonti…</translation>
    </message>
    <message>
        <source>&amp;Quarantined mail…</source>
        <translation>Mail i &amp;karantæne…</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>&amp;Svar</translation>
    </message>
    <message>
        <source>Add, change or test mail accounts</source>
        <translation>Tilføj, ret eller test mailkonti</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Vedhæftede filer</translation>
    </message>
    <message>
        <source>Attachments (%1)</source>
        <translation>Vedhæftede filer (%1)</translation>
    </message>
    <message>
        <source>Mail that could not be read</source>
        <translation>Mail, der ikke kunne læses</translation>
    </message>
    <message>
        <source>Reply</source>
        <extracomment>IDLE starts after the first sync; off with SOLOSERVICE_NO_IDLE=1 (tests set it False so that only a test that asks for IDLE gets its threads)</extracomment>
        <translation>Svar</translation>
    </message>
    <message>
        <source>Send &amp;outbox now</source>
        <translation>Send &amp;udbakken nu</translation>
    </message>
    <message>
        <source>Send replies waiting in the outbox</source>
        <translation>Send svar, der venter i udbakken</translation>
    </message>
    <message>
        <source>Show &amp;formatted mail…</source>
        <translation>Vis for&amp;materet mail…</translation>
    </message>
    <message>
        <source>The HTML version, remote images blocked</source>
        <translation>HTML-versionen med eksterne billeder blokeret</translation>
    </message>
    <message>
        <source>Write a reply to this inquiry</source>
        <translation>Skriv et svar på denne henvendelse</translation>
    </message>
</context>
<context>
    <name>MailSync</name>
    <message>
        <source>%1 new</source>
        <translation>%1 nye</translation>
    </message>
    <message>
        <source>%1 quarantined (Tools &gt; Quarantined mail)</source>
        <translation>%1 i karantæne (Værktøjer &gt; Mail i karantæne)</translation>
    </message>
    <message>
        <source>&amp;Mail accounts…</source>
        <translation>&amp;Mailkonti…</translation>
    </message>
    <message>
        <source>Checking mail…</source>
        <translation>Tjekker mail…</translation>
    </message>
    <message>
        <source>Fetching %1 of %2…</source>
        <translation>Henter %1 af %2…</translation>
    </message>
    <message>
        <source>Mail account “%1” is not synced: no password entered. Enter it in Tools &gt; Mail accounts…, or restart SoloService.</source>
        <translation>Mailkontoen “%1” synkroniseres ikke: ingen adgangskode indtastet. Indtast den under Værktøjer &gt; Mailkonti…, eller genstart SoloService.</translation>
    </message>
    <message>
        <source>Mail problems</source>
        <translation>Mailproblemer</translation>
    </message>
    <message>
        <source>Mail sync failed — see the warning</source>
        <translation>Mailsynkronisering mislykkedes — se advarslen</translation>
    </message>
    <message>
        <source>Mail sync progress</source>
        <extracomment>a sync finished (list[SyncSummary]) the outbox was worked through (OutboxResult) — composers refresh their outbox state the founder asked to fix an account from the error details syncs asked for while one was running (None: every account); run right after it accounts whose password was asked for this run (asked once per run, not per sync) accounts the founder chose not to enter a password for this run</extracomment>
        <translation>Status for mailsynkronisering</translation>
    </message>
    <message numerus="yes">
        <source>%n added to conversation(s)</source>
        <translation>
            <numerusform>%n føjet til en samtale</numerusform>
            <numerusform>%n føjet til samtaler</numerusform>
        </translation>
    </message>
    <message>
        <source>Mail: %1</source>
        <translation>Mail: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s), see the warning</source>
        <translation>
            <numerusform>%n problem, se advarslen</numerusform>
            <numerusform>%n problemer, se advarslen</numerusform>
        </translation>
    </message>
    <message>
        <source>Mail: check the password</source>
        <translation>Mail: tjek adgangskoden</translation>
    </message>
    <message>
        <source>Mail: problem</source>
        <translation>Mail: problem</translation>
    </message>
    <message>
        <source>No new mail</source>
        <translation>Ingen ny mail</translation>
    </message>
    <message>
        <source>No problems any more.</source>
        <translation>Ingen problemer længere.</translation>
    </message>
    <message>
        <source>Sending the outbox failed: %1</source>
        <translation>Afsendelse af udbakken mislykkedes: %1</translation>
    </message>
    <message>
        <source>Sent %1 waiting repl(ies) from the outbox</source>
        <translation>%1 ventende svar sendt fra udbakken</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Stop fetching mail (what was fetched is kept)</source>
        <translation>Stop hentning af mail (det hentede beholdes)</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Stopper…</translation>
    </message>
    <message>
        <source>The last mail sync could not finish for every account. Mail already fetched is safe; the next sync tries again.</source>
        <translation>Den seneste mailsynkronisering kunne ikke gennemføres for alle konti. Mail, der allerede er hentet, er i sikkerhed; næste synkronisering prøver igen.</translation>
    </message>
    <message>
        <source>another sync was running — skipped</source>
        <translation>en anden synkronisering kørte — sprunget over</translation>
    </message>
    <message>
        <source>stopped — the rest comes next time</source>
        <translation>stoppet — resten kommer næste gang</translation>
    </message>
</context>
<context>
    <name>MailboxPage</name>
    <message>
        <source>&amp;Email address:</source>
        <translation>&amp;Mailadresse:</translation>
    </message>
    <message>
        <source>&amp;Incoming (IMAP):</source>
        <translation>&amp;Indgående (IMAP):</translation>
    </message>
    <message>
        <source>&amp;Outgoing (SMTP):</source>
        <translation>&amp;Udgående (SMTP):</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Adgangskode:</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Test forbindelsen</translation>
    </message>
    <message>
        <source>Connecting to both servers…</source>
        <translation>Forbinder til begge servere…</translation>
    </message>
    <message>
        <source>Mail to your business address becomes inquiries. Leave the address empty to do this later in Tools &gt; Mail accounts…</source>
        <translation>Mail til virksomhedens adresse bliver til henvendelser. Lad adressen stå tom for at gøre det senere under Værktøjer &gt; Mailkonti…</translation>
    </message>
    <message>
        <source>Remember the password in a file only I can read (0600)</source>
        <translation>Husk adgangskoden i en fil, som kun jeg kan læse (0600)</translation>
    </message>
    <message>
        <source>User &amp;name:</source>
        <translation>&amp;Brugernavn:</translation>
    </message>
    <message>
        <source>Usually the address itself</source>
        <translation>Som regel selve adressen</translation>
    </message>
    <message>
        <source>Your mailbox (optional)</source>
        <extracomment>a connection test finished (list of CheckResult, empty when it could not run)</extracomment>
        <translation>Din mailboks (valgfrit)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>%1 open · %2 overdue · %3 due today</source>
        <extracomment>the side panel&apos;s tabs (customer, remedies, follow-up, attachments) the panes get their first sizes when the window is first shown at its real size, unless sizes the founder chose were restored from ui.ini the features&apos; menus, panels and shortcuts: after the first page is on the screen when ``defer_features`` (the app), else now; ``ensure_features`` finishes at once</extracomment>
        <translation>%1 åbne · %2 overskredet · %3 med frist i dag</translation>
    </message>
    <message>
        <source>%1 — Undo with Ctrl+Z</source>
        <translation>%1 — fortryd med Ctrl+Z</translation>
    </message>
    <message>
        <source>Created #%1</source>
        <translation>#%1 oprettet</translation>
    </message>
    <message>
        <source>Every word of every message, the subject and the customer&apos;s name, email, phone and handles. Results appear as you type.
&quot;two words&quot; finds a phrase · from:name only the customer · channel:email, form, phone, facebook, instagram, x or social · #123 case 123</source>
        <translation>Hvert ord i hver besked, emnet og kundens navn, mail, telefon og brugernavne. Resultaterne vises, mens du skriver.
&quot;to ord&quot; finder en sætning · from:navn kun kunden · channel:email, form, phone, facebook, instagram, x eller social · #123 sag 123</translation>
    </message>
    <message>
        <source>In 3 hours</source>
        <translation>Om 3 timer</translation>
    </message>
    <message>
        <source>Logged call #%1</source>
        <translation>Opkald registreret #%1</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Næste uge</translation>
    </message>
    <message>
        <source>Pick a date and time…</source>
        <translation>Vælg dato og tidspunkt…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Søg</translation>
    </message>
    <message>
        <source>Search every message, name, number or email…  (Ctrl+F)</source>
        <extracomment>how long typing pauses before the search runs</extracomment>
        <translation>Søg i alle beskeder, navne, numre og mails…  (Ctrl+F)</translation>
    </message>
    <message>
        <source>SoloService</source>
        <extracomment>the inquiry shown on the right changed (an InquiryDetail, or None) the list and counts were reloaded after a change: features refresh what they show the window is closing: features stop long work (a sync) before queued changes are waited for, so closing never hangs on the network Ctrl+Q closed every window: the process should end (app.py ends the event loop)</extracomment>
        <translation>SoloService</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n inquiry(s) — pick a view on the left to go back</source>
        <extracomment>the main window&apos;s context, for its counted message (soloservice/plurals.py)</extracomment>
        <translation>
            <numerusform>%1: %n henvendelse — vælg en visning til venstre for at gå tilbage</numerusform>
            <numerusform>%1: %n henvendelser — vælg en visning til venstre for at gå tilbage</numerusform>
        </translation>
    </message>
    <message>
        <source>That did not work</source>
        <translation>Det lykkedes ikke</translation>
    </message>
    <message>
        <source>Tomorrow morning</source>
        <translation>I morgen tidlig</translation>
    </message>
    <message>
        <source>Wake up now</source>
        <translation>Vågn op nu</translation>
    </message>
    <message>
        <source>not in this view (%1)</source>
        <translation>ikke i denne visning (%1)</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>&amp;Keep these other columns with the message:</source>
        <translation>&amp;Behold disse andre kolonner sammen med beskeden:</translation>
    </message>
    <message>
        <source>&amp;Last name (if split):</source>
        <translation>&amp;Efternavn (hvis opdelt):</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Besked:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Navn:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Emne:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <source>As you mapped “%1” last time.</source>
        <translation>Som du tilknyttede “%1” sidste gang.</translation>
    </message>
    <message>
        <source>Choose at least the name, email or phone column: who wrote it.</source>
        <translation>Vælg mindst kolonnen med navn, e-mail eller telefon: hvem skrev det.</translation>
    </message>
    <message>
        <source>Guessed from the column names; change what is wrong.</source>
        <translation>Gættet ud fra kolonnenavnene; ret det, der er forkert.</translation>
    </message>
    <message>
        <source>Other columns to keep</source>
        <translation>Andre kolonner, der skal beholdes</translation>
    </message>
    <message>
        <source>Remembered from the last import of this form.</source>
        <translation>Husket fra sidste import af denne formular.</translation>
    </message>
    <message>
        <source>Sent &amp;at:</source>
        <translation>Sendt &amp;den:</translation>
    </message>
    <message>
        <source>They are listed below the message as “Column: value”.</source>
        <translation>De vises under beskeden som “Kolonne: værdi”.</translation>
    </message>
    <message>
        <source>Which column holds what</source>
        <translation>Hvilken kolonne indeholder hvad</translation>
    </message>
</context>
<context>
    <name>MergeSection</name>
    <message>
        <source>%1 inquiries · customer %2</source>
        <translation>%1 henvendelser · kunde %2</translation>
    </message>
    <message>
        <source>&amp;Keep apart</source>
        <translation>&amp;Hold adskilt</translation>
    </message>
    <message>
        <source>&amp;Merge them</source>
        <translation>&amp;Flet dem</translation>
    </message>
    <message>
        <source>Give %1 back their own inquiries</source>
        <translation>Giv %1 deres egne henvendelser tilbage</translation>
    </message>
    <message>
        <source>Make them one customer (asks first; can be undone)</source>
        <translation>Gør dem til én kunde (spørger først; kan fortrydes)</translation>
    </message>
    <message>
        <source>Merge these two customers into one?

Keeps: %1 (inquiries: %3)
    %2

Merged in: %4 (inquiries: %6)
    %5

Every inquiry and message is kept. You can un-merge later from the card.</source>
        <translation>Flet disse to kunder til én?

Beholdes: %1 (henvendelser: %3)
    %2

Flettes ind: %4 (henvendelser: %6)
    %5

Alle henvendelser og beskeder bevares. Du kan adskille dem igen senere fra kundekortet.</translation>
    </message>
    <message>
        <source>Merged from %1 (%2 inquiries)</source>
        <translation>Flettet fra %1 (%2 henvendelser)</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Flet…</translation>
    </message>
    <message>
        <source>Same person?</source>
        <translation>Samme person?</translation>
    </message>
    <message>
        <source>Same person? &lt;b&gt;%1&lt;/b&gt; &lt;span style=&apos;color:#6b7280&apos;&gt;(%2)&lt;/span&gt;</source>
        <translation>Samme person? &lt;b&gt;%1&lt;/b&gt; &lt;span style=&apos;color:#6b7280&apos;&gt;(%2)&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Un-merge</source>
        <translation>Adskil</translation>
    </message>
</context>
<context>
    <name>NewInquiryDialog</name>
    <message>
        <source>&amp;Customer:</source>
        <translation>&amp;Kunde:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <source>&amp;Reach at:</source>
        <translation>&amp;Kontakt via:</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Emne:</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Tekst:</translation>
    </message>
    <message>
        <source>Address, number or handle (optional)</source>
        <translation>Adresse, nummer eller brugernavn (valgfrit)</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>K&amp;anal:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Opret</translation>
    </message>
    <message>
        <source>Create the inquiry (Ctrl+Enter)</source>
        <translation>Opret henvendelsen (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>Kundens navn</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Facebook</source>
        <translation>Facebook</translation>
    </message>
    <message>
        <source>Instagram</source>
        <translation>Instagram</translation>
    </message>
    <message>
        <source>New inquiry</source>
        <translation>Ny henvendelse</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Short summary (optional: taken from the text)</source>
        <translation>Kort resumé (valgfrit: tages fra teksten)</translation>
    </message>
    <message>
        <source>Type a subject or the text of the inquiry.</source>
        <translation>Skriv et emne eller henvendelsens tekst.</translation>
    </message>
    <message>
        <source>What the customer wrote or said</source>
        <translation>Hvad kunden skrev eller sagde</translation>
    </message>
    <message>
        <source>Who is it from? Type a name or how to reach them.</source>
        <translation>Hvem er den fra? Skriv et navn, eller hvordan de kan kontaktes.</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
</context>
<context>
    <name>PasswordPrompt</name>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Adgangskode:</translation>
    </message>
    <message>
        <source>&amp;Remember in a file only I can read (secrets.json, 0600)</source>
        <translation>&amp;Husk i en fil, som kun jeg kan læse (secrets.json, 0600)</translation>
    </message>
    <message>
        <source>&amp;Skip</source>
        <translation>&amp;Spring over</translation>
    </message>
    <message>
        <source>&amp;Use this password</source>
        <translation>&amp;Brug denne adgangskode</translation>
    </message>
    <message>
        <source>Don&apos;t fetch mail for this account until the next start</source>
        <translation>Hent ikke mail for denne konto før næste start</translation>
    </message>
    <message>
        <source>Kept in %1, readable only by your user account; not encrypted.</source>
        <translation>Gemmes i %1, som kun din brugerkonto kan læse; ikke krypteret.</translation>
    </message>
    <message>
        <source>Mail password</source>
        <translation>Mailadgangskode</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Adgangskode</translation>
    </message>
    <message>
        <source>SoloService needs the password of the mail account “%1” (%2 on %3) to fetch and send its mail.</source>
        <translation>SoloService skal bruge adgangskoden til mailkontoen “%1” (%2 på %3) for at hente og sende dens mail.</translation>
    </message>
    <message>
        <source>This computer has no keyring to keep passwords in, so SoloService asks once each time it starts.</source>
        <translation>Denne computer har ingen nøglering til adgangskoder, så SoloService spørger én gang ved hver start.</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>%1 columns; the first %2 rows are shown.</source>
        <translation>%1 kolonner; de første %2 rækker vises.</translation>
    </message>
    <message>
        <source>Columns separated by %1, text read as %2. Does this look right?</source>
        <translation>Kolonner adskilt af %1, tekst læst som %2. Ser det rigtigt ud?</translation>
    </message>
    <message>
        <source>First rows of the file</source>
        <translation>Filens første rækker</translation>
    </message>
    <message>
        <source>The first rows</source>
        <translation>De første rækker</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>komma</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>semikolon</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>tabulator</translation>
    </message>
</context>
<context>
    <name>PromiseDialog</name>
    <message>
        <source>Why is it due then?</source>
        <translation>Hvorfor er fristen da?</translation>
    </message>
</context>
<context>
    <name>PromisesPage</name>
    <message>
        <source> business hours</source>
        <translation> åbningstimer</translation>
    </message>
    <message>
        <source>&amp;Acknowledge new email and web-form inquiries automatically</source>
        <translation>&amp;Kvittér automatisk for nye henvendelser via e-mail og webformular</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>&amp;Facebook:</source>
        <translation>&amp;Facebook:</translation>
    </message>
    <message>
        <source>&amp;Instagram:</source>
        <translation>&amp;Instagram:</translation>
    </message>
    <message>
        <source>&amp;Phone call-back:</source>
        <translation>&amp;Tilbageringning:</translation>
    </message>
    <message>
        <source>&amp;Web form:</source>
        <translation>&amp;Webformular:</translation>
    </message>
    <message>
        <source>&amp;X:</source>
        <translation>&amp;X:</translation>
    </message>
    <message>
        <source>A reply (mail, social, a logged call-back) keeps the promise: the case leaves Due today and Overdue until the customer writes again, and a new promise runs from that message.</source>
        <translation>Et svar (mail, sociale medier, et registreret opkald) holder løftet: sagen forlader Frist i dag og Overskredet, indtil kunden skriver igen, og så løber et nyt løfte fra den besked.</translation>
    </message>
    <message>
        <source>After I &amp;reply:</source>
        <translation>Når jeg har &amp;svaret:</translation>
    </message>
    <message>
        <source>How many business hours until the customer hears from you. People gladly wait when they are told how long.</source>
        <translation>Hvor mange åbningstimer der går, før kunden hører fra dig. Folk venter gerne, når de får at vide hvor længe.</translation>
    </message>
    <message>
        <source>Stays open</source>
        <translation>Forbliver åben</translation>
    </message>
    <message>
        <source>The acknowledgement states the promised time in the customer&apos;s language. It does not count as the reply.</source>
        <translation>Kvitteringen oplyser den lovede tid på kundens sprog. Den tæller ikke som svaret.</translation>
    </message>
    <message>
        <source>Waiting on the customer</source>
        <translation>Venter på kunden</translation>
    </message>
</context>
<context>
    <name>PulseFeature</name>
    <message>
        <source>Ask a few customers every month how likely they are to recommend you</source>
        <translation>Spørg nogle få kunder hver måned, hvor sandsynligt det er, at de vil anbefale dig</translation>
    </message>
    <message>
        <source>NPS &amp;pulse…</source>
        <translation>NPS-&amp;puls…</translation>
    </message>
    <message>
        <source>NPS pulse (%1)</source>
        <translation>NPS-puls (%1)</translation>
    </message>
</context>
<context>
    <name>QuarantineDialog</name>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Prøv igen</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(intet emne)</translation>
    </message>
    <message>
        <source>Auto-reply / bounce</source>
        <translation>Autosvar / returmail</translation>
    </message>
    <message>
        <source>Could not be read</source>
        <translation>Kunne ikke læses</translation>
    </message>
    <message>
        <source>Fetched</source>
        <extracomment>a reprocess finished (the new outcome as text) — tests wait on it Marked for pyside6-lupdate here, translated where the table is built.</extracomment>
        <translation>Hentet</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>It is a &amp;customer&apos;s mail</source>
        <translation>Det er en &amp;kundes mail</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Let in: %1</source>
        <translation>Lukket ind: %1</translation>
    </message>
    <message>
        <source>Mail files (*.eml)</source>
        <translation>Mailfiler (*.eml)</translation>
    </message>
    <message>
        <source>Mail that did not become a customer message. Nothing here is lost: read the source, try it again, or let it in as a customer&apos;s mail.</source>
        <translation>Mail, der ikke blev til en kundebesked. Intet her går tabt: læs kilden, prøv igen, eller luk den ind som en kundes mail.</translation>
    </message>
    <message>
        <source>No quarantined mail — everything fetched was understood.</source>
        <translation>Ingen mail i karantæne — alt hentet blev forstået.</translation>
    </message>
    <message>
        <source>Not an auto-reply: make it an inquiry (or add it to its conversation)</source>
        <translation>Ikke et autosvar: gør den til en henvendelse (eller føj den til samtalen)</translation>
    </message>
    <message>
        <source>Quarantined mail</source>
        <translation>Mail i karantæne</translation>
    </message>
    <message>
        <source>Raw source</source>
        <translation>Rå kilde</translation>
    </message>
    <message>
        <source>Read the mail again with the current parser</source>
        <translation>Læs mailen igen med den aktuelle fortolker</translation>
    </message>
    <message>
        <source>Reading the mail again…</source>
        <translation>Læser mailen igen…</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Årsag</translation>
    </message>
    <message>
        <source>Save .&amp;eml…</source>
        <translation>Gem .&amp;eml…</translation>
    </message>
    <message>
        <source>Save mail</source>
        <translation>Gem mail</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gemt i %1</translation>
    </message>
    <message>
        <source>Still not readable (%1) — it stays here.</source>
        <translation>Stadig ikke læsbar (%1) — den bliver her.</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Emne</translation>
    </message>
    <message>
        <source>The raw source of the selected mail shows here.</source>
        <translation>Den valgte mails rå kilde vises her.</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>Hvorfor: %1</translation>
    </message>
    <message>
        <source>[… %1 more bytes; save the .eml to see everything]</source>
        <translation>[… %1 bytes mere; gem .eml-filen for at se det hele]</translation>
    </message>
</context>
<context>
    <name>QuickCaptureDialog</name>
    <message>
        <source>&amp;Capture  (Ctrl+Enter)</source>
        <translation>&amp;Registrér  (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Kanal:</translation>
    </message>
    <message>
        <source>&amp;Handle:</source>
        <translation>&amp;Brugernavn:</translation>
    </message>
    <message>
        <source>&amp;Link:</source>
        <translation>&amp;Link:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Navn:</translation>
    </message>
    <message>
        <source>&amp;Praise</source>
        <translation>&amp;Ros</translation>
    </message>
    <message>
        <source>&amp;Question</source>
        <translation>&amp;Spørgsmål</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Tekst:</translation>
    </message>
    <message>
        <source>&amp;Where:</source>
        <translation>&amp;Hvor:</translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation>H&amp;vem:</translation>
    </message>
    <message>
        <source>@handle or profile link</source>
        <translation>@brugernavn eller profillink</translation>
    </message>
    <message>
        <source>Captured as #%1</source>
        <translation>Registreret som #%1</translation>
    </message>
    <message>
        <source>Co&amp;mplaint</source>
        <translation>K&amp;lage</translation>
    </message>
    <message>
        <source>Email (forwarded, printed…)</source>
        <translation>E-mail (videresendt, printet…)</translation>
    </message>
    <message>
        <source>Facebook</source>
        <translation>Facebook</translation>
    </message>
    <message>
        <source>Instagram</source>
        <translation>Instagram</translation>
    </message>
    <message>
        <source>It is a:</source>
        <translation>Det er:</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Beskedtekst</translation>
    </message>
    <message>
        <source>Paste the comment, review or message here (Ctrl+V)</source>
        <translation>Indsæt kommentaren, anmeldelsen eller beskeden her (Ctrl+V)</translation>
    </message>
    <message>
        <source>Phone / text message</source>
        <translation>Telefon / sms</translation>
    </message>
    <message>
        <source>Quick capture</source>
        <translation>Hurtig registrering</translation>
    </message>
    <message>
        <source>Review site / web / other</source>
        <translation>Anmeldelsesside / web / andet</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Gemmer…</translation>
    </message>
    <message>
        <source>X (Twitter)</source>
        <translation>X (Twitter)</translation>
    </message>
    <message>
        <source>e.g. Trustpilot, Google review, letter</source>
        <translation>fx Trustpilot, Google-anmeldelse, brev</translation>
    </message>
    <message>
        <source>email, phone number or name (optional if the name is given)</source>
        <translation>e-mail, telefonnummer eller navn (valgfrit, hvis navnet er angivet)</translation>
    </message>
    <message>
        <source>optional: as the person signs</source>
        <translation>valgfrit: som personen underskriver sig</translation>
    </message>
    <message>
        <source>optional: link to the post or review</source>
        <translation>valgfrit: link til opslaget eller anmeldelsen</translation>
    </message>
</context>
<context>
    <name>RemediesFeature</name>
    <message>
        <source>Add &amp;remedy…</source>
        <translation>Tilføj go&amp;dtgørelse…</translation>
    </message>
    <message>
        <source>Record what was done to make it right, and what it cost</source>
        <translation>Registrér, hvad der blev gjort for at rette op på det, og hvad det kostede</translation>
    </message>
    <message>
        <source>Remedies</source>
        <translation>Godtgørelser</translation>
    </message>
</context>
<context>
    <name>ReplyComposer</name>
    <message>
        <source>%1 has no email address — add one on the customer card to reply.</source>
        <translation>%1 har ingen e-mailadresse — tilføj en på kundekortet for at svare.</translation>
    </message>
    <message>
        <source>&amp;Attach…</source>
        <translation>&amp;Vedhæft…</translation>
    </message>
    <message>
        <source>&amp;Delete the reply</source>
        <translation>&amp;Slet svaret</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Fra:</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>&amp;Fortsæt med at skrive</translation>
    </message>
    <message>
        <source>&amp;Keep it</source>
        <translation>&amp;Behold det</translation>
    </message>
    <message>
        <source>&amp;Quote</source>
        <translation>&amp;Citér</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Send</translation>
    </message>
    <message>
        <source>&amp;Send anyway</source>
        <translation>&amp;Send alligevel</translation>
    </message>
    <message>
        <source>(last error: %1)</source>
        <translation>(seneste fejl: %1)</translation>
    </message>
    <message>
        <source>A template left these empty: %1.</source>
        <translation>En skabelon efterlod disse tomme: %1.</translation>
    </message>
    <message>
        <source>Added below your text</source>
        <translation>Tilføjes under din tekst</translation>
    </message>
    <message>
        <source>Added below your text when the reply is sent</source>
        <translation>Tilføjes under din tekst, når svaret sendes</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Vedhæft filer</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Vedhæftede filer</translation>
    </message>
    <message>
        <source>Cancel sending…</source>
        <translation>Annullér afsendelse…</translation>
    </message>
    <message>
        <source>&amp;Mark as sent</source>
        <translation>&amp;Markér som sendt</translation>
    </message>
    <message>
        <source>The customer has it: record it as sent without sending it again</source>
        <translation>Kunden har fået den: registrér den som sendt uden at sende den igen</translation>
    </message>
    <message>
        <source>May have been sent: an earlier attempt was interrupted. Retry sends it again, Mark as sent records it as sent; it is never sent or deleted on its own.</source>
        <translation>Er måske sendt: et tidligere forsøg blev afbrudt. Prøv igen sender den igen, Markér som sendt registrerer den som sendt; den bliver aldrig sendt eller slettet af sig selv.</translation>
    </message>
    <message>
        <source>Recorded as sent</source>
        <translation>Registreret som sendt</translation>
    </message>
    <message>
        <source>Cancel this reply?</source>
        <translation>Annullér dette svar?</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>In the outbox — queued %1</source>
        <translation>I udbakken — sat i kø %1</translation>
    </message>
    <message>
        <source>In the outbox — will retry at %1</source>
        <translation>I udbakken — prøver igen %1</translation>
    </message>
    <message>
        <source>Kept: this reply may have reached the customer already</source>
        <translation>Beholdt: svaret kan allerede være nået frem til kunden</translation>
    </message>
    <message>
        <source>No mail account yet: add one under Tools &gt; Mail accounts (Ctrl+Shift+M).</source>
        <translation>Ingen mailkonto endnu: tilføj en under Værktøjer &gt; Mailkonti (Ctrl+Shift+M).</translation>
    </message>
    <message>
        <source>Not sent, your text is still here: %1</source>
        <translation>Ikke sendt, din tekst er her stadig: %1</translation>
    </message>
    <message>
        <source>Pick an inquiry to reply to it.</source>
        <translation>Vælg en henvendelse for at besvare den.</translation>
    </message>
    <message>
        <source>Queuing…</source>
        <translation>Sætter i kø…</translation>
    </message>
    <message>
        <source>Quote the customer&apos;s last message below your reply</source>
        <translation>Citér kundens seneste besked under dit svar</translation>
    </message>
    <message>
        <source>Refused by the server, not retried by itself (last error: %1)</source>
        <translation>Afvist af serveren, prøves ikke igen automatisk (seneste fejl: %1)</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>Fjern vedhæftet fil</translation>
    </message>
    <message>
        <source>Replies keep the subject and case tag so they land in the customer&apos;s thread</source>
        <translation>Svar beholder emnet og sagsmærket, så de havner i kundens tråd</translation>
    </message>
    <message>
        <source>Replies to phone and social inquiries are not sent from here: log the call with Log call (Ctrl+L), or answer on the Social tab.</source>
        <translation>Svar på telefon- og sociale henvendelser sendes ikke herfra: registrér opkaldet med Registrér opkald (Ctrl+L), eller svar på fanen Sociale medier.</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Svar</translation>
    </message>
    <message>
        <source>Reply sent</source>
        <translation>Svar sendt</translation>
    </message>
    <message>
        <source>Reply sent to %1</source>
        <translation>Svar sendt til %1</translation>
    </message>
    <message>
        <source>Retry &amp;now</source>
        <extracomment>the channels a reply is written in the composer for</extracomment>
        <translation>Prøv igen &amp;nu</translation>
    </message>
    <message>
        <source>Send it anyway?</source>
        <translation>Send det alligevel?</translation>
    </message>
    <message>
        <source>Send the reply (Ctrl+Return)</source>
        <translation>Send svaret (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Send this reply?</source>
        <translation>Send dette svar?</translation>
    </message>
    <message>
        <source>Sending failed (%1); the reply waits in the outbox</source>
        <translation>Afsendelse mislykkedes (%1); svaret venter i udbakken</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sender…</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Emne</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Emne:</translation>
    </message>
    <message>
        <source>The account the mail came to</source>
        <translation>Den konto, mailen kom til</translation>
    </message>
    <message>
        <source>The account the reply is sent from</source>
        <translation>Den konto, svaret sendes fra</translation>
    </message>
    <message>
        <source>The customer</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>The reply waits in the outbox and is retried automatically</source>
        <translation>Svaret venter i udbakken og prøves igen automatisk</translation>
    </message>
    <message>
        <source>The text still contains “%1” where something should be filled in.</source>
        <translation>Teksten indeholder stadig “%1”, hvor der skal udfyldes noget.</translation>
    </message>
    <message>
        <source>The unsent reply is deleted and will not be sent:

%1</source>
        <translation>Det ikke-sendte svar slettes og bliver ikke sendt:

%1</translation>
    </message>
    <message>
        <source>To</source>
        <extracomment>a reply was queued (OutboxView) — tests wait on it sending finished, sent or not (OutboxResult) the text outgrew the box: the pixel height the composer would like (the window&apos;s pane grows it, never squeezing the conversation below its share) (account name, its signature): read once per account, not on every keystroke</extracomment>
        <translation>Til</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Til:</translation>
    </message>
    <message>
        <source>Write something first.</source>
        <translation>Skriv noget først.</translation>
    </message>
    <message>
        <source>Write your reply… (Ctrl+Return sends; type above to insert a template)</source>
        <translation>Skriv dit svar… (Ctrl+Return sender; skriv ovenfor for at indsætte en skabelon)</translation>
    </message>
    <message>
        <source>Your draft could not be saved to disk (%1); it is still here.</source>
        <extracomment>how long typing pauses before the drafts are written to disk</extracomment>
        <translation>Dit udkast kunne ikke gemmes på disken (%1); det er her stadig.</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>mangler</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>  of it from the default value</source>
        <translation>  heraf fra standardværdien</translation>
    </message>
    <message>
        <source> — not checked for over a week</source>
        <translation> — ikke tjekket i over en uge</translation>
    </message>
    <message>
        <source>&quot;Are you satisfied?&quot; checks sent this week.</source>
        <translation>&quot;Er du tilfreds?&quot;-spørgsmål sendt i denne uge.</translation>
    </message>
    <message>
        <source>% promoters (9-10) minus % detractors (0-6) of this week&apos;s answers.</source>
        <translation>% anbefalere (9-10) minus % kritikere (0-6) blandt ugens svar.</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s)</source>
        <translation>
            <numerusform>%n klage</numerusform>
            <numerusform>%n klager</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 % satisfied afterwards (%2 answers).</source>
        <translation>%1 % tilfredse bagefter (%2 svar).</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 dage</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 t</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min.</translation>
    </message>
    <message>
        <source>%1 to %2 · figures as of %3</source>
        <translation>%1 til %2 · tal pr. %3</translation>
    </message>
    <message>
        <source>%1 wrote again since.</source>
        <translation>%1 har skrevet igen siden.</translation>
    </message>
    <message>
        <source>%1 — likely %2–%5 unhappy customers who said nothing (at most %5: all your other customers of the %4 on record; the rule of thumb says up to %3)</source>
        <translation>%1 — sandsynligvis %2–%5 utilfredse kunder, der intet sagde (højst %5: alle dine andre kunder af de %4 registrerede; tommelfingerreglen siger op til %3)</translation>
    </message>
    <message>
        <source>%1 — the rule of thumb says %2–%3 silent unhappy customers, but all %4 of your customers on record have complained: none is left who said nothing</source>
        <translation>%1 — tommelfingerreglen siger %2–%3 tavse utilfredse kunder, men alle dine %4 registrerede kunder har klaget: der er ingen tilbage, som intet sagde</translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s) — likely %2–%3 unhappy customers who said nothing</source>
        <translation>
            <numerusform>%n klage — sandsynligvis %2–%3 utilfredse kunder, der ikke sagde noget</numerusform>
            <numerusform>%n klager — sandsynligvis %2–%3 utilfredse kunder, der ikke sagde noget</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — the rule of thumb says %2–%3 silent unhappy customers, but you have %4 customers on record: at most %5 (all your other customers)</source>
        <translation>%1 — tommelfingerreglen siger %2–%3 tavse utilfredse kunder, men du har %4 registrerede kunder: højst %5 (alle dine andre kunder)</translation>
    </message>
    <message>
        <source>%1: NPS %2 from %3 answers</source>
        <translation>%1: NPS %2 ud fra %3 svar</translation>
    </message>
    <message>
        <source>%1: no answers yet</source>
        <translation>%1: ingen svar endnu</translation>
    </message>
    <message>
        <source>%2 of it rests on %1: set real values on the customer cards.</source>
        <translation>%2 heraf bygger på %1: angiv rigtige værdier på kundekortene.</translation>
    </message>
    <message>
        <source>(so far)</source>
        <translation>(indtil videre)</translation>
    </message>
    <message>
        <source>9 in 10 first answers came within this many business hours.</source>
        <translation>9 ud af 10 første svar kom inden for så mange åbningstimer.</translation>
    </message>
    <message>
        <source>90th percentile</source>
        <translation>90. percentil</translation>
    </message>
    <message>
        <source>&lt;b&gt;NPS pulse&lt;/b&gt; (customers asked at random): %1</source>
        <translation>&lt;b&gt;NPS-puls&lt;/b&gt; (tilfældigt udvalgte kunder): %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Remedies:&lt;/b&gt; %1 — %2 in total.</source>
        <translation>&lt;b&gt;Godtgørelser:&lt;/b&gt; %1 — %2 i alt.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Remedies:&lt;/b&gt; none recorded this week.</source>
        <translation>&lt;b&gt;Godtgørelser:&lt;/b&gt; ingen registreret i denne uge.</translation>
    </message>
    <message>
        <source>Add a channel to check</source>
        <translation>Tilføj en kanal, der skal tjekkes</translation>
    </message>
    <message>
        <source>Add a channel to check…</source>
        <translation>Tilføj en kanal, der skal tjekkes…</translation>
    </message>
    <message>
        <source>All of it rests on %1: set real values on the customer cards.</source>
        <translation>Det hele bygger på %1: angiv rigtige værdier på kundekortene.</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Besvaret</translation>
    </message>
    <message>
        <source>Answered late, or still unanswered past the promise.</source>
        <translation>Besvaret for sent eller stadig ubesvaret efter løftet.</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanaler</translation>
    </message>
    <message>
        <source>Channels to check</source>
        <translation>Kanaler, der skal tjekkes</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>Klager</translation>
    </message>
    <message>
        <source>Complaints received this week.</source>
        <translation>Klager modtaget i denne uge.</translation>
    </message>
    <message>
        <source>Customers who wrote again since: %1</source>
        <translation>Kunder, der har skrevet igen siden: %1</translation>
    </message>
    <message>
        <source>Each complaint hides 10 to 26 unhappy customers who never said a word — but never more than your other customers on record.</source>
        <translation>Hver klage skjuler 10 til 26 utilfredse kunder, der aldrig sagde noget — men aldrig flere end dine andre registrerede kunder.</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fejl</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Eksportér CSV</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Eksportér CSV…</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>Eksportér PDF</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Eksportér PDF…</translation>
    </message>
    <message>
        <source>Facebook</source>
        <translation>Facebook</translation>
    </message>
    <message>
        <source>Fifteen minutes for last week: unanswered channels, promises, satisfaction.</source>
        <translation>Et kvarter om sidste uge: ubesvarede kanaler, løfter, tilfredshed.</translation>
    </message>
    <message>
        <source>First response (business hours)</source>
        <translation>Første svar (åbningstimer)</translation>
    </message>
    <message>
        <source>First response, 90th pct.</source>
        <translation>Første svar, 90. pct.</translation>
    </message>
    <message>
        <source>First response, median</source>
        <translation>Første svar, median</translation>
    </message>
    <message>
        <source>Follow-up answers received this week.</source>
        <translation>Svar på opfølgninger modtaget i denne uge.</translation>
    </message>
    <message>
        <source>Follow-ups answered</source>
        <translation>Opfølgninger besvaret</translation>
    </message>
    <message>
        <source>Follow-ups asked</source>
        <translation>Opfølgninger sendt</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Formular</translation>
    </message>
    <message>
        <source>How long the oldest unanswered inquiry has waited.</source>
        <translation>Hvor længe den ældste ubesvarede henvendelse har ventet.</translation>
    </message>
    <message>
        <source>Inquiries per channel</source>
        <translation>Henvendelser pr. kanal</translation>
    </message>
    <message>
        <source>Inquiries received this week.</source>
        <translation>Henvendelser modtaget i denne uge.</translation>
    </message>
    <message>
        <source>Instagram</source>
        <translation>Instagram</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Holdt</translation>
    </message>
    <message>
        <source>Last checked</source>
        <translation>Sidst tjekket</translation>
    </message>
    <message>
        <source>Last full week</source>
        <translation>Sidste hele uge</translation>
    </message>
    <message>
        <source>Lifetime value of customers with an open complaint or a detractor answer.</source>
        <translation>Livstidsværdi for kunder med en åben klage eller et kritisk svar.</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>Median time to the first answer, in business hours.</source>
        <translation>Mediantid til første svar i åbningstimer.</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <source>NPS (follow-ups)</source>
        <translation>NPS (opfølgninger)</translation>
    </message>
    <message>
        <source>NPS pulse (asked customers, not complaints)</source>
        <translation>NPS-puls (spurgte kunder, ikke klager)</translation>
    </message>
    <message>
        <source>Name (e.g. Trustpilot reviews, voicemail, Facebook page posts):</source>
        <translation>Navn (fx Trustpilot-anmeldelser, telefonsvarer, opslag på Facebook-siden):</translation>
    </message>
    <message>
        <source>Next week (Alt+Right)</source>
        <translation>Næste uge (Alt+Højre)</translation>
    </message>
    <message>
        <source>Next week ▶</source>
        <translation>Næste uge ▶</translation>
    </message>
    <message>
        <source>No complaints this week.</source>
        <translation>Ingen klager i denne uge.</translation>
    </message>
    <message>
        <source>No pulse answers.</source>
        <translation>Ingen svar fra pulsen.</translation>
    </message>
    <message>
        <source>No remedies recorded this week.</source>
        <translation>Ingen godtgørelser registreret i denne uge.</translation>
    </message>
    <message>
        <source>Not checked for over a week</source>
        <translation>Ikke tjekket i over en uge</translation>
    </message>
    <message>
        <source>Not synced for over a week</source>
        <translation>Ikke synkroniseret i over en uge</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Of those, answered by now.</source>
        <translation>Heraf besvaret nu.</translation>
    </message>
    <message>
        <source>Oldest waiting</source>
        <translation>Ældste ventende</translation>
    </message>
    <message>
        <source>Open PDF</source>
        <translation>Åbn PDF</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>Åbn fil</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Åbn mappe</translation>
    </message>
    <message>
        <source>Over a week ago</source>
        <translation>For over en uge siden</translation>
    </message>
    <message>
        <source>Overdue now</source>
        <translation>Overskredet nu</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Previous week (Alt+Left)</source>
        <translation>Forrige uge (Alt+Venstre)</translation>
    </message>
    <message>
        <source>Promises broken</source>
        <translation>Løfter brudt</translation>
    </message>
    <message>
        <source>Promises kept</source>
        <translation>Løfter holdt</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Modtaget</translation>
    </message>
    <message>
        <source>Received before the week ended and still without an answer now.</source>
        <translation>Modtaget før ugens udgang og stadig uden svar nu.</translation>
    </message>
    <message>
        <source>Remedies this week</source>
        <translation>Godtgørelser i denne uge</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Genåbnet</translation>
    </message>
    <message>
        <source>Reopened during the week after being resolved.</source>
        <translation>Genåbnet i løbet af ugen efter at være løst.</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Løst</translation>
    </message>
    <message>
        <source>Resolved or closed during the week.</source>
        <translation>Løst eller lukket i løbet af ugen.</translation>
    </message>
    <message>
        <source>Satisfaction and NPS (follow-ups)</source>
        <translation>Tilfredshed og NPS (opfølgninger)</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>Tilfreds</translation>
    </message>
    <message>
        <source>Satisfied %</source>
        <translation>Tilfredse %</translation>
    </message>
    <message>
        <source>Satisfied afterwards: %1 % of %2 answers</source>
        <translation>Tilfredse bagefter: %1 % af %2 svar</translation>
    </message>
    <message>
        <source>Saved to %1 — %2 · %3</source>
        <translation>Gemt i %1 — %2 · %3</translation>
    </message>
    <message>
        <source>Share of settled reply-time promises that were kept.</source>
        <translation>Andel af afgjorte svarløfter, der blev holdt.</translation>
    </message>
    <message>
        <source>Share of yes/no answers that said yes.</source>
        <translation>Andel af ja/nej-svar, der sagde ja.</translation>
    </message>
    <message>
        <source>Silent unhappy (est.)</source>
        <translation>Tavse utilfredse (skøn)</translation>
    </message>
    <message>
        <source>Social</source>
        <translation>Sociale medier</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>The part of the value at risk that uses the default customer value (customers without their own annual value). Set real values on the customer cards.</source>
        <translation>Den del af værdien i fare, der bruger standardkundeværdien (kunder uden egen årsværdi). Angiv rigtige værdier på kundekortene.</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Denne uge</translation>
    </message>
    <message>
        <source>Tick each channel you can only check by hand once you have looked at it.</source>
        <translation>Sæt flueben ved hver kanal, du kun kan tjekke manuelt, når du har kigget på den.</translation>
    </message>
    <message>
        <source>Tick when you have checked it this week.</source>
        <translation>Sæt flueben, når du har tjekket den i denne uge.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>I alt</translation>
    </message>
    <message>
        <source>Total %1 for %2 remedies</source>
        <translation>I alt %1 for %2 godtgørelser</translation>
    </message>
    <message>
        <source>Trends, %1 weeks</source>
        <translation>Tendenser, %1 uger</translation>
    </message>
    <message>
        <source>Trends, last %1 weeks</source>
        <translation>Tendenser, seneste %1 uger</translation>
    </message>
    <message>
        <source>Unanswered now</source>
        <translation>Ubesvaret nu</translation>
    </message>
    <message>
        <source>Unanswered now and past the promised reply time.</source>
        <translation>Ubesvaret nu og efter det lovede svartidspunkt.</translation>
    </message>
    <message>
        <source>Value at risk</source>
        <translation>Værdi i fare</translation>
    </message>
    <message>
        <source>Value at risk: %1 (customers with open complaints or detractor answers)</source>
        <extracomment>chart size in scene units (screen pixels at 96 dpi): the fonts read like on screen</extracomment>
        <translation>Værdi i fare: %1 (kunder med åbne klager eller kritiske svar)</translation>
    </message>
    <message>
        <source>Value at risk: %1 — the lifetime value of customers with an open complaint or an unhappy answer.</source>
        <translation>Værdi i fare: %1 — livstidsværdien af kunder med en åben klage eller et utilfreds svar.</translation>
    </message>
    <message>
        <source>Week %1, %2 · %3</source>
        <translation>Uge %1, %2 · %3</translation>
    </message>
    <message>
        <source>Weekly review</source>
        <extracomment>the inquiry ids behind a clicked number; the main window shows them a week (figures, trends and checklist) is on screen a hand-checked channel was ticked and the checklist reloaded a background task failed (also shown in a message box)</extracomment>
        <translation>Ugentlig gennemgang</translation>
    </message>
    <message>
        <source>Weekly review %1</source>
        <translation>Ugentlig gennemgang %1</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>mail sync</source>
        <translation>mailsynkronisering</translation>
    </message>
    <message>
        <source>never</source>
        <translation>aldrig</translation>
    </message>
    <message>
        <source>social sync</source>
        <translation>synkronisering af sociale medier</translation>
    </message>
    <message>
        <source>the default customer value (%1 a year × %2 years)</source>
        <translation>standardkundeværdien (%1 om året × %2 år)</translation>
    </message>
    <message>
        <source>the review is still loading</source>
        <extracomment>after an export: where the file went, with links to open it or its folder</extracomment>
        <translation>gennemgangen indlæses stadig</translation>
    </message>
    <message>
        <source>◀ Previous week</source>
        <translation>◀ Forrige uge</translation>
    </message>
    <message numerus="yes">
        <source>Double-click to open these %n inquiries.</source>
        <extracomment>metrics where anything above zero needs the founder&apos;s attention</extracomment>
        <translation>
            <numerusform>Dobbeltklik for at åbne henvendelsen.</numerusform>
            <numerusform>Dobbeltklik for at åbne disse %n henvendelser.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewFeature</name>
    <message>
        <source>&amp;Weekly review…</source>
        <translation>&amp;Ugentlig gennemgang…</translation>
    </message>
    <message>
        <source>From the weekly review</source>
        <translation>Fra den ugentlige gennemgang</translation>
    </message>
    <message>
        <source>How customers were treated last week</source>
        <translation>Hvordan kunderne blev behandlet i sidste uge</translation>
    </message>
    <message>
        <source>Weekly review — SoloService</source>
        <translation>Ugentlig gennemgang — SoloService</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>&amp;At:</source>
        <translation>&amp;Kl.:</translation>
    </message>
    <message>
        <source>Fifteen minutes once a week: unanswered channels, promises kept, satisfaction. SoloService reminds you.</source>
        <translation>Et kvarter en gang om ugen: ubesvarede kanaler, holdte løfter, tilfredshed. SoloService minder dig om det.</translation>
    </message>
    <message>
        <source>Remind me on &amp;weekday:</source>
        <translation>Påmind mig på &amp;ugedag:</translation>
    </message>
</context>
<context>
    <name>SenderVerdictFeature</name>
    <message>
        <source>#%1 is a customer&apos;s inquiry</source>
        <translation>#%1 er en kundes henvendelse</translation>
    </message>
    <message>
        <source>A supplier, a friend, a machine: their mail is automatic from now on</source>
        <translation>En leverandør, en ven, en maskine: deres mail er automatisk fra nu af</translation>
    </message>
    <message>
        <source>Automatic mail</source>
        <translation>Automatisk mail</translation>
    </message>
    <message>
        <source>Automatic mail is kept, but never promised, acknowledged, surveyed or counted in the review.</source>
        <translation>Automatisk mail gemmes, men får aldrig løfte, kvittering eller undersøgelse og tælles ikke med i gennemgangen.</translation>
    </message>
    <message>
        <source>Automatic mail: %1</source>
        <translation>Automatisk mail: %1</translation>
    </message>
    <message>
        <source>Bring the inquiry back to the inbox and start its reply promise</source>
        <translation>Flyt henvendelsen tilbage til indbakken og start dens svarløfte</translation>
    </message>
    <message>
        <source>Marked %1 as not a customer</source>
        <translation>Markerede %1 som ikke-kunde</translation>
    </message>
    <message>
        <source>Marked %1 as spam</source>
        <translation>Markerede %1 som spam</translation>
    </message>
    <message>
        <source>Not a c&amp;ustomer</source>
        <translation>Ikke en k&amp;unde</translation>
    </message>
    <message>
        <source>Not automatic — this is a &amp;customer</source>
        <translation>Ikke automatisk — det er en &amp;kunde</translation>
    </message>
    <message>
        <source>Not automatic — this is a customer</source>
        <translation>Ikke automatisk — det er en kunde</translation>
    </message>
    <message>
        <source>Their mail goes to Automatic mail from now on: no promise, no survey</source>
        <translation>Deres mail går til Automatisk mail fra nu af: intet løfte, ingen undersøgelse</translation>
    </message>
    <message>
        <source>This sender is s&amp;pam</source>
        <translation>Afsenderen er s&amp;pam</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Alt+1 … Alt+5 switch pages</source>
        <translation>Alt+1 … Alt+5 skifter side</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>Virksomhed</translation>
    </message>
    <message>
        <source>Follow-ups &amp; NPS</source>
        <translation>Opfølgninger og NPS</translation>
    </message>
    <message>
        <source>Hours &amp; holidays</source>
        <translation>Åbningstider og helligdage</translation>
    </message>
    <message>
        <source>Promises</source>
        <translation>Løfter</translation>
    </message>
    <message>
        <source>Settings</source>
        <extracomment>the new settings, after they were written and applied to the services</extracomment>
        <translation>Indstillinger</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Indstillingssider</translation>
    </message>
    <message>
        <source>The settings could not be saved to %1: %2. Nothing was changed.</source>
        <translation>Indstillingerne kunne ikke gemmes i %1: %2. Intet blev ændret.</translation>
    </message>
    <message>
        <source>Weekly review</source>
        <translation>Ugentlig gennemgang</translation>
    </message>
</context>
<context>
    <name>SettingsFeature</name>
    <message>
        <source>&amp;Settings…</source>
        <extracomment>the settings were saved and applied (features with settings_applied heard of it)</extracomment>
        <translation>&amp;Indstillinger…</translation>
    </message>
    <message>
        <source>Business hours, holidays, promises, surveys and more</source>
        <translation>Åbningstider, helligdage, løfter, undersøgelser og mere</translation>
    </message>
    <message>
        <source>Set up your name, business and opening hours…</source>
        <translation>Angiv dit navn, din virksomhed og dine åbningstider…</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>Indstillinger gemt</translation>
    </message>
</context>
<context>
    <name>SidebarModel</name>
    <message>
        <source>Automatic mail</source>
        <translation>Automatisk mail</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanaler</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Frist i dag</translation>
    </message>
    <message>
        <source>Inbox</source>
        <extracomment>new numbers arrived from a count started by ``count_later``</extracomment>
        <translation>Indbakke</translation>
    </message>
    <message>
        <source>Needs reply</source>
        <translation>Mangler svar</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overskredet</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Løst</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Udsat</translation>
    </message>
    <message>
        <source>Waiting on customer</source>
        <translation>Venter på kunden</translation>
    </message>
</context>
<context>
    <name>SidebarView</name>
    <message>
        <source>Views</source>
        <translation>Visninger</translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message>
        <source>Show the inquiry again on:</source>
        <translation>Vis henvendelsen igen den:</translation>
    </message>
    <message>
        <source>Snooze until</source>
        <translation>Udsæt til</translation>
    </message>
</context>
<context>
    <name>SocialAccounts</name>
    <message>
        <source>%1: %2 new inquiries, %3 new messages</source>
        <translation>%1: %2 nye henvendelser, %3 nye beskeder</translation>
    </message>
    <message>
        <source>No keyring on this machine: the token is kept for this session only; enter it again after a restart.</source>
        <translation>Ingen nøglering på denne maskine: tokenet gemmes kun i denne session; indtast det igen efter en genstart.</translation>
    </message>
    <message>
        <source>The token is read from the environment variable %1.</source>
        <translation>Tokenet læses fra miljøvariablen %1.</translation>
    </message>
    <message>
        <source>The token is stored in the secrets file in your data folder (only you can read it).</source>
        <translation>Tokenet gemmes i filen med hemmeligheder i din datamappe (kun du kan læse den).</translation>
    </message>
    <message>
        <source>The token is stored in the system keyring.</source>
        <translation>Tokenet gemmes i systemets nøglering.</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>mislykkedes</translation>
    </message>
    <message>
        <source>no token stored — type it in the Token field and press “Use token for selected”</source>
        <translation>ingen token gemt — skriv den i feltet Token og tryk på “Brug token til den valgte”</translation>
    </message>
    <message>
        <source>token expired — renew it</source>
        <translation>token udløbet — forny den</translation>
    </message>
</context>
<context>
    <name>SocialAccountsDialog</name>
    <message>
        <source>&amp;Account id:</source>
        <translation>&amp;Konto-id:</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Forbind</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Navn:</translation>
    </message>
    <message>
        <source>&amp;Poll now</source>
        <translation>&amp;Hent nu</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Fjern…</translation>
    </message>
    <message>
        <source>API address:</source>
        <translation>API-adresse:</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Connect an account</source>
        <translation>Forbind en konto</translation>
    </message>
    <message>
        <source>Connected %1. %2</source>
        <translation>%1 forbundet. %2</translation>
    </message>
    <message>
        <source>Connected accounts</source>
        <translation>Forbundne konti</translation>
    </message>
    <message>
        <source>Disconnect %1 and delete its stored token? Conversations already fetched stay in the inbox.</source>
        <translation>Afbryd forbindelsen til %1, og slet dets gemte token? Samtaler, der allerede er hentet, bliver i indbakken.</translation>
    </message>
    <message>
        <source>Fetch new messages from every account</source>
        <translation>Hent nye beskeder fra alle konti</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Seneste synkronisering</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>New token for %1. %2</source>
        <translation>Nyt token til %1. %2</translation>
    </message>
    <message>
        <source>No account connected. Without one, import the platforms&apos; exports (File › Import) or capture messages by hand (Ctrl+Shift+C).</source>
        <translation>Ingen konto forbundet. Uden en konto kan du importere platformenes eksporter (Filer › Importér) eller registrere beskeder manuelt (Ctrl+Shift+C).</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>PAGE_ID:INSTAGRAM_ACCOUNT_ID</source>
        <translation>PAGE_ID:INSTAGRAM_ACCOUNT_ID</translation>
    </message>
    <message>
        <source>Pla&amp;tform:</source>
        <translation>Pla&amp;tform:</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Polling…</source>
        <translation>Henter…</translation>
    </message>
    <message>
        <source>Put the token typed below on the selected account (an expired one renewed)</source>
        <translation>Sæt tokenet, der er skrevet nedenfor, på den valgte konto (fornyer et udløbet)</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Fjern konto</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>%1 fjernet.</translation>
    </message>
    <message>
        <source>Secrets file in the data folder</source>
        <translation>Filen med hemmeligheder i datamappen</translation>
    </message>
    <message>
        <source>Social accounts</source>
        <translation>Konti på sociale medier</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Store token &amp;in:</source>
        <translation>Gem token &amp;i:</translation>
    </message>
    <message>
        <source>System keyring (recommended)</source>
        <translation>Systemets nøglering (anbefalet)</translation>
    </message>
    <message>
        <source>T&amp;oken:</source>
        <translation>T&amp;oken:</translation>
    </message>
    <message>
        <source>This session only</source>
        <translation>Kun denne session</translation>
    </message>
    <message>
        <source>Type the new token in the Token field first.</source>
        <translation>Skriv først det nye token i feltet Token.</translation>
    </message>
    <message>
        <source>Use token for selected</source>
        <translation>Brug token til den valgte</translation>
    </message>
    <message>
        <source>access token (never shown again)</source>
        <translation>adgangstoken (vises aldrig igen)</translation>
    </message>
    <message>
        <source>leave empty (only for a test server)</source>
        <translation>lad stå tom (kun til en testserver)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>aldrig</translation>
    </message>
    <message>
        <source>not polled yet</source>
        <translation>ikke hentet endnu</translation>
    </message>
    <message>
        <source>off</source>
        <translation>slået fra</translation>
    </message>
    <message>
        <source>one word, e.g. shop-fb</source>
        <translation>ét ord, fx butik-fb</translation>
    </message>
    <message>
        <source>the Facebook Page id</source>
        <translation>Facebook-sidens id</translation>
    </message>
    <message>
        <source>your X user id (a number)</source>
        <translation>dit X-bruger-id (et tal)</translation>
    </message>
    <message>
        <source>The name must be one word without &apos;:&apos; (e.g. shop-fb).</source>
        <translation>Navnet skal være ét ord uden &apos;:&apos; (f.eks. butik-fb).</translation>
    </message>
    <message>
        <source>An account named %1 exists already: choose another name.</source>
        <translation>Der findes allerede en konto med navnet %1: vælg et andet navn.</translation>
    </message>
    <message>
        <source>Type the account id: %1.</source>
        <translation>Skriv kontoens id: %1.</translation>
    </message>
    <message>
        <source>For Instagram type the account id as PAGE_ID:INSTAGRAM_ACCOUNT_ID, so your own messages are told from the customer&apos;s.</source>
        <translation>For Instagram skal kontoens id skrives som PAGE_ID:INSTAGRAM_ACCOUNT_ID, så dine egne beskeder kan skelnes fra kundens.</translation>
    </message>
    <message>
        <source>The API address must be http:// or https:// and a host; leave it empty unless you use a test server.</source>
        <translation>API-adressen skal være http:// eller https:// og en vært; lad den være tom, medmindre du bruger en testserver.</translation>
    </message>
    <message>
        <source>Type the account&apos;s access token in the Token field.</source>
        <translation>Skriv kontoens adgangstoken i feltet Token.</translation>
    </message>
</context>
<context>
    <name>SocialCounts</name>
    <message numerus="yes">
        <source>Social: %n new message(s)</source>
        <translation>
            <numerusform>Sociale medier: %n ny besked</numerusform>
            <numerusform>Sociale medier: %n nye beskeder</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocialFeature</name>
    <message>
        <source>&amp;Facebook export…</source>
        <extracomment>counted messages (&quot;%n … (s)&quot;): a context lupdate reads as plurals (soloservice/plurals.py)</extracomment>
        <translation>&amp;Facebook-eksport…</translation>
    </message>
    <message>
        <source>&amp;Poll social accounts now</source>
        <translation>&amp;Hent fra sociale konti nu</translation>
    </message>
    <message>
        <source>&amp;Social accounts…</source>
        <translation>&amp;Sociale konti…</translation>
    </message>
    <message>
        <source>&amp;X archive…</source>
        <translation>&amp;X-arkiv…</translation>
    </message>
    <message>
        <source>Connected Facebook, Instagram and X accounts; poll now</source>
        <translation>Forbundne Facebook-, Instagram- og X-konti; hent nu</translation>
    </message>
    <message>
        <source>Export imported: %1</source>
        <translation>Eksport importeret: %1</translation>
    </message>
    <message>
        <source>I&amp;nstagram export…</source>
        <translation>I&amp;nstagram-eksport…</translation>
    </message>
    <message>
        <source>Import messages from a %1 data download</source>
        <translation>Importér beskeder fra en datadownload fra %1</translation>
    </message>
    <message>
        <source>Polling social accounts failed: %1</source>
        <translation>Hentning fra sociale konti mislykkedes: %1</translation>
    </message>
    <message>
        <source>Reply recorded on #%1</source>
        <translation>Svar registreret på #%1</translation>
    </message>
</context>
<context>
    <name>SocialImportDialog</name>
    <message>
        <source>&amp;Export:</source>
        <translation>&amp;Eksport:</translation>
    </message>
    <message>
        <source>&amp;Folder…</source>
        <translation>&amp;Mappe…</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importér</translation>
    </message>
    <message>
        <source>&amp;Zip file…</source>
        <translation>&amp;Zip-fil…</translation>
    </message>
    <message>
        <source>Done: %1 new inquiries.</source>
        <translation>Færdig: %1 nye henvendelser.</translation>
    </message>
    <message>
        <source>Export archive</source>
        <translation>Eksportarkiv</translation>
    </message>
    <message>
        <source>Facebook: Settings › Your information › Download your information, format JSON, messages of your Page. Pick the unpacked folder or the .zip.</source>
        <translation>Facebook: Indstillinger › Dine oplysninger › Download dine oplysninger, format JSON, beskeder fra din side. Vælg den udpakkede mappe eller .zip-filen.</translation>
    </message>
    <message>
        <source>Folder or .zip of the export</source>
        <translation>Mappe eller .zip med eksporten</translation>
    </message>
    <message>
        <source>Import %1 export</source>
        <translation>Importér %1-eksport</translation>
    </message>
    <message>
        <source>Import summary</source>
        <translation>Importoversigt</translation>
    </message>
    <message>
        <source>Importing… (large exports take a while)</source>
        <translation>Importerer… (store eksporter tager lidt tid)</translation>
    </message>
    <message>
        <source>Instagram: Settings › Accounts Center › Download your information, format JSON, messages. Pick the unpacked folder or the .zip.</source>
        <translation>Instagram: Indstillinger › Kontocenter › Download dine oplysninger, format JSON, beskeder. Vælg den udpakkede mappe eller .zip-filen.</translation>
    </message>
    <message>
        <source>Nothing new: everything in this export was imported before.</source>
        <translation>Intet nyt: alt i denne eksport er importeret før.</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Intet blev importeret: %1</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Deltagere</translation>
    </message>
    <message>
        <source>The export does not say which participant is you: pick one, then Import.</source>
        <translation>Eksporten siger ikke, hvilken deltager der er dig: vælg én, og klik så på Importér.</translation>
    </message>
    <message>
        <source>Unpacked export folder</source>
        <translation>Udpakket eksportmappe</translation>
    </message>
    <message>
        <source>Which of these is &amp;you (the business)? Your messages count as replies.</source>
        <translation>Hvem af disse er &amp;dig (virksomheden)? Dine beskeder tæller som svar.</translation>
    </message>
    <message>
        <source>X: Settings › Your account › Download an archive of your data. Pick the unpacked folder or the .zip; direct messages are imported.</source>
        <translation>X: Indstillinger › Din konto › Download et arkiv med dine data. Vælg den udpakkede mappe eller .zip-filen; direkte beskeder importeres.</translation>
    </message>
    <message>
        <source>Zip archives (*.zip);;All files (*)</source>
        <translation>Zip-arkiver (*.zip);;Alle filer (*)</translation>
    </message>
</context>
<context>
    <name>SocialReplyPanel</name>
    <message>
        <source>&amp;Not yet</source>
        <translation>&amp;Ikke endnu</translation>
    </message>
    <message>
        <source>&amp;Open again</source>
        <translation>&amp;Åbn igen</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Send</translation>
    </message>
    <message>
        <source>&amp;Yes, I sent it</source>
        <translation>&amp;Ja, jeg sendte det</translation>
    </message>
    <message>
        <source>No inquiry selected.</source>
        <translation>Ingen henvendelse valgt.</translation>
    </message>
    <message>
        <source>Not recorded; the reply is still in the box.</source>
        <translation>Ikke registreret; svaret står stadig i feltet.</translation>
    </message>
    <message>
        <source>Not sent: %1. The reply is copied: paste it in the conversation that opened in your browser. Did you send it?</source>
        <translation>Ikke sendt: %1. Svaret er kopieret: indsæt det i samtalen, der blev åbnet i din browser. Sendte du det?</translation>
    </message>
    <message>
        <source>Only for Facebook, Instagram and X conversations; this one came by %1.</source>
        <translation>Kun for samtaler på Facebook, Instagram og X; denne kom via %1.</translation>
    </message>
    <message>
        <source>Recorded as your reply.</source>
        <translation>Registreret som dit svar.</translation>
    </message>
    <message>
        <source>Reply</source>
        <extracomment>half-written replies of other inquiries, by inquiry id</extracomment>
        <translation>Svar</translation>
    </message>
    <message>
        <source>Reply on %1</source>
        <translation>Svar på %1</translation>
    </message>
    <message>
        <source>Reply on social</source>
        <translation>Svar på sociale medier</translation>
    </message>
    <message>
        <source>Send through the platform (Ctrl+Enter)</source>
        <translation>Send via platformen (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Sending on %1…</source>
        <translation>Sender på %1…</translation>
    </message>
    <message>
        <source>Sent through %1 when the platform allows; otherwise copied for you to paste.</source>
        <translation>Sendes via %1, når platformen tillader det; ellers kopieres det, så du kan indsætte det.</translation>
    </message>
    <message>
        <source>Sent.</source>
        <translation>Sendt.</translation>
    </message>
    <message>
        <source>Write the reply…  (Ctrl+Enter sends)</source>
        <translation>Skriv svaret…  (Ctrl+Enter sender)</translation>
    </message>
    <message>
        <source>the platform does not take replies from here</source>
        <translation>platformen modtager ikke svar herfra</translation>
    </message>
</context>
<context>
    <name>TemplateManager</name>
    <message>
        <source>&amp;Body:</source>
        <translation>&amp;Brødtekst:</translation>
    </message>
    <message>
        <source>&amp;Customise</source>
        <extracomment>saves and deletes run on the window&apos;s database lane, never on the GUI thread (key, language) of the own template the form edits; None for a new one</extracomment>
        <translation>&amp;Tilpas</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Slet</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>&amp;Kassér ændringer</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Nøgle:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprog:</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Ny</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Gendan</translation>
    </message>
    <message>
        <source>&amp;Restore the built-in</source>
        <translation>&amp;Gendan den indbyggede</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Emne:</translation>
    </message>
    <message>
        <source>All languages</source>
        <translation>Alle sprog</translation>
    </message>
    <message>
        <source>Built-in template — read-only. Customise it to make it your own.</source>
        <translation>Indbygget skabelon — skrivebeskyttet. Tilpas den for at gøre den til din egen.</translation>
    </message>
    <message>
        <source>Cannot preview: %1</source>
        <translation>Kan ikke vise eksempel: %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>Slet skabelon</translation>
    </message>
    <message>
        <source>Delete the template &quot;%1&quot; (%2)? This cannot be undone.</source>
        <translation>Slet skabelonen &quot;%1&quot; (%2)? Det kan ikke fortrydes.</translation>
    </message>
    <message>
        <source>Empty here: %1</source>
        <translation>Tomt her: %1</translation>
    </message>
    <message>
        <source>Fallback: {customer.first_name|there}</source>
        <translation>Reserve: {customer.first_name|der}</translation>
    </message>
    <message>
        <source>Filter templates…</source>
        <translation>Filtrér skabeloner…</translation>
    </message>
    <message>
        <source>For inquiry #%1 — subject: %2</source>
        <translation>Til henvendelse #%1 — emne: %2</translation>
    </message>
    <message>
        <source>N&amp;ame:</source>
        <translation>N&amp;avn:</translation>
    </message>
    <message>
        <source>New template.</source>
        <translation>Ny skabelon.</translation>
    </message>
    <message>
        <source>Placeholders</source>
        <translation>Pladsholdere</translation>
    </message>
    <message>
        <source>Placeholders (double-click or Enter inserts)</source>
        <translation>Pladsholdere (dobbeltklik eller Enter indsætter)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Eksempel</translation>
    </message>
    <message>
        <source>Reply templates</source>
        <extracomment>a template was saved or deleted (the composer may refresh its list)</extracomment>
        <translation>Svarskabeloner</translation>
    </message>
    <message>
        <source>Restore the built-in</source>
        <translation>Gendan den indbyggede</translation>
    </message>
    <message>
        <source>S&amp;hortcut:</source>
        <translation>G&amp;envej:</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>&amp;Gem</translation>
    </message>
    <message>
        <source>Select an inquiry to see the template filled in.</source>
        <extracomment>(inquiry id, its detail or why it cannot be read), read once per inquiry</extracomment>
        <translation>Vælg en henvendelse for at se skabelonen udfyldt.</translation>
    </message>
    <message>
        <source>Suits:</source>
        <translation>Passer til:</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Skabeloner</translation>
    </message>
    <message>
        <source>Throw away the changes to this template?</source>
        <translation>Kassér ændringerne i denne skabelon?</translation>
    </message>
    <message>
        <source>Throw away your version of &quot;%1&quot; (%2) and use the built-in text again?</source>
        <translation>Kassér din version af &quot;%1&quot; (%2), og brug den indbyggede tekst igen?</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ikke-gemte ændringer</translation>
    </message>
    <message>
        <source>Your copy of the built-in &quot;%1&quot;: save to use it instead.</source>
        <translation>Din kopi af den indbyggede &quot;%1&quot;: gem for at bruge den i stedet.</translation>
    </message>
    <message>
        <source>Your own template.</source>
        <translation>Din egen skabelon.</translation>
    </message>
    <message>
        <source>Your version of a built-in template.</source>
        <translation>Din version af en indbygget skabelon.</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>indbygget</translation>
    </message>
    <message>
        <source>customised</source>
        <translation>tilpasset</translation>
    </message>
    <message>
        <source>e.g. ack — typed in the composer to insert it</source>
        <translation>fx kvit — skrives i svarfeltet for at indsætte den</translation>
    </message>
    <message>
        <source>own</source>
        <translation>egen</translation>
    </message>
</context>
<context>
    <name>TemplatePicker</name>
    <message>
        <source>No template matches</source>
        <translation>Ingen skabelon passer</translation>
    </message>
    <message>
        <source>Template filter</source>
        <translation>Skabelonfilter</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Skabeloner</translation>
    </message>
    <message>
        <source>Type to filter templates… (Enter inserts)</source>
        <translation>Skriv for at filtrere skabeloner… (Enter indsætter)</translation>
    </message>
</context>
<context>
    <name>TemplatesFeature</name>
    <message>
        <source>Reply &amp;templates…</source>
        <translation>Svarska&amp;beloner…</translation>
    </message>
    <message>
        <source>Write and customise reply templates</source>
        <translation>Skriv og tilpas svarskabeloner</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>&amp;Log call…</source>
        <translation>&amp;Registrér opkald…</translation>
    </message>
    <message>
        <source>&amp;Open SoloService</source>
        <extracomment>(kind, title, text) of every alert, whichever way it was shown; kind &quot;due&quot; or &quot;review&quot;</extracomment>
        <translation>&amp;Åbn SoloService</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afslut</translation>
    </message>
    <message>
        <source>Due within the hour</source>
        <extracomment>the number of overdue inquiries changed (also emitted on the first check) overdue and due-today counts, for the tray&apos;s tooltip (emitted when either changed) list[DueSoon]: inquiries that became due within the hour since the last check the window&apos;s counts from its last (re)load, taken at start and after a reload instead of running the same grouped count a second time</extracomment>
        <translation>Frist inden for en time</translation>
    </message>
    <message numerus="yes">
        <source>%n inquiries due within the hour</source>
        <translation>
            <numerusform>%n henvendelse har frist inden for en time</numerusform>
            <numerusform>%n henvendelser har frist inden for en time</numerusform>
        </translation>
    </message>
    <message>
        <source>SoloService — %1 overdue, %2 due today</source>
        <translation>SoloService — %1 overskredet, %2 med frist i dag</translation>
    </message>
    <message>
        <source>Time for the weekly review — open it with Ctrl+Shift+R.</source>
        <translation>Tid til den ugentlige gennemgang — åbn den med Ctrl+Shift+R.</translation>
    </message>
    <message>
        <source>Weekly review</source>
        <translation>Ugentlig gennemgang</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… og %1 mere</translation>
    </message>
</context>
<context>
    <name>ValuePage</name>
    <message>
        <source> years</source>
        <translation> år</translation>
    </message>
    <message>
        <source>%1 × %2 years = %3</source>
        <translation>%1 × %2 år = %3</translation>
    </message>
    <message>
        <source>&amp;Average revenue per customer per year:</source>
        <translation>&amp;Gennemsnitlig omsætning pr. kunde pr. år:</translation>
    </message>
    <message>
        <source>A typical customer&apos;s yearly spend and how long they stay. Next to that, a small remedy for a complaint is nothing.</source>
        <translation>En typisk kundes årlige forbrug, og hvor længe de bliver. Ved siden af det er en lille kompensation for en klage ingenting.</translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation>&amp;Valuta:</translation>
    </message>
    <message>
        <source>E&amp;xpected years as a customer:</source>
        <translation>&amp;Forventede år som kunde:</translation>
    </message>
    <message>
        <source>Lifetime value:</source>
        <translation>Livstidsværdi:</translation>
    </message>
    <message>
        <source>What a customer is worth</source>
        <translation>Hvad en kunde er værd</translation>
    </message>
</context>
<context>
    <name>WorkerDialog</name>
    <message>
        <source>Could not save: %1</source>
        <extracomment>the button that saves; the subclass creates it</extracomment>
        <translation>Kunne ikke gemme: %1</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>&amp;Customer and details panel</source>
        <translation>&amp;Kunde- og detaljepanel</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Rediger</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjælp</translation>
    </message>
    <message>
        <source>&amp;Inquiry</source>
        <translation>H&amp;envendelse</translation>
    </message>
    <message>
        <source>&amp;Log call…</source>
        <translation>&amp;Registrér opkald…</translation>
    </message>
    <message>
        <source>&amp;New inquiry…</source>
        <translation>&amp;Ny henvendelse…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afslut</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Gentag</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Opdatér</translation>
    </message>
    <message>
        <source>&amp;Resolve</source>
        <translation>&amp;Løs</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Søg</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>Værk&amp;tøjer</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Fortryd</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <source>Add &amp;note</source>
        <translation>Tilføj &amp;notat</translation>
    </message>
    <message>
        <source>Hide the inquiry until later</source>
        <translation>Skjul henvendelsen til senere</translation>
    </message>
    <message>
        <source>Log a phone call</source>
        <translation>Registrér et telefonopkald</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hovedværktøjslinje</translation>
    </message>
    <message>
        <source>Mark &amp;waiting</source>
        <translation>Markér som &amp;venter</translation>
    </message>
    <message>
        <source>Mark as resolved</source>
        <translation>Markér som løst</translation>
    </message>
    <message>
        <source>Open the inquiry again</source>
        <translation>Åbn henvendelsen igen</translation>
    </message>
    <message>
        <source>Quit SoloService</source>
        <translation>Afslut SoloService</translation>
    </message>
    <message>
        <source>Re&amp;open</source>
        <translation>&amp;Genåbn</translation>
    </message>
    <message>
        <source>Reload the list and counts</source>
        <translation>Genindlæs listen og antallene</translation>
    </message>
    <message>
        <source>Search customers and subjects</source>
        <translation>Søg i kunder og emner</translation>
    </message>
    <message>
        <source>Show or hide the customer card, remedies and follow-up beside the reply</source>
        <translation>Vis eller skjul kundekortet, kompensationer og opfølgning ved siden af svaret</translation>
    </message>
    <message>
        <source>Sn&amp;ooze</source>
        <translation>&amp;Udsæt</translation>
    </message>
    <message>
        <source>Type in an inquiry by hand</source>
        <translation>Indtast en henvendelse manuelt</translation>
    </message>
    <message>
        <source>Waiting on the customer: the reply clock pauses</source>
        <translation>Venter på kunden: svaruret står stille</translation>
    </message>
    <message>
        <source>Write a private note</source>
        <translation>Skriv et privat notat</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>SoloService cannot start</source>
        <translation>SoloService kan ikke starte</translation>
    </message>
    <message>
        <source>SoloService — demo data</source>
        <translation>SoloService — demodata</translation>
    </message>
    <message>
        <source>SoloService — read-only (damaged database)</source>
        <translation>SoloService — skrivebeskyttet (beskadiget database)</translation>
    </message>
    <message>
        <source>The daily backup failed: %1</source>
        <translation>Den daglige sikkerhedskopi mislykkedes: %1</translation>
    </message>
</context>
<context>
    <name>channels</name>
    <message>
        <source>%1 already there (skipped)</source>
        <translation>%1 fandtes allerede (sprunget over)</translation>
    </message>
    <message>
        <source>%1 messages added</source>
        <translation>%1 beskeder tilføjet</translation>
    </message>
    <message>
        <source>%1 new inquiries</source>
        <translation>%1 nye henvendelser</translation>
    </message>
    <message>
        <source>%1 new inquiries, %2 already there</source>
        <translation>%1 nye henvendelser, %2 fandtes allerede</translation>
    </message>
    <message>
        <source>%1 new inquiries, %2 messages added, %3 already there</source>
        <translation>%1 nye henvendelser, %2 beskeder tilføjet, %3 fandtes allerede</translation>
    </message>
    <message>
        <source>%1 rows or messages read</source>
        <translation>%1 rækker eller beskeder læst</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importér</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importér…</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Sprunget over</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… og %1 mere</translation>
    </message>
</context>
<context>
    <name>feedback</name>
    <message>
        <source>#%1: the customer will be asked when it is resolved</source>
        <translation>#%1: kunden bliver spurgt, når sagen er løst</translation>
    </message>
    <message>
        <source>#%1: the customer will not be asked</source>
        <translation>#%1: kunden bliver ikke spurgt</translation>
    </message>
    <message>
        <source>%1 sent, %2 to ask in person</source>
        <extracomment>Keys that act on the selected check (no modifier): answer yes / no, classify.</extracomment>
        <translation>%1 sendt, %2 skal spørges personligt</translation>
    </message>
    <message>
        <source>%1 skipped</source>
        <translation>%1 sprunget over</translation>
    </message>
    <message>
        <source>%1 waiting in the outbox</source>
        <translation>%1 venter i udbakken</translation>
    </message>
    <message>
        <source>%1/10</source>
        <translation>%1/10</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Tilføj</translation>
    </message>
    <message>
        <source>&amp;Ask whether the customer is satisfied when resolved</source>
        <translation>&amp;Spørg, om kunden er tilfreds, når sagen er løst</translation>
    </message>
    <message>
        <source>&amp;Import customers from CSV…</source>
        <translation>&amp;Importér kunder fra CSV…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Opdatér</translation>
    </message>
    <message>
        <source>&amp;Score:</source>
        <translation>&amp;Score:</translation>
    </message>
    <message>
        <source>&amp;Send due checks by mail</source>
        <translation>&amp;Send forfaldne opfølgninger med mail</translation>
    </message>
    <message>
        <source>&amp;Undo remove</source>
        <translation>&amp;Fortryd fjernelse</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(intet navn)</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(ukendt)</translation>
    </message>
    <message>
        <source>0–10</source>
        <translation>0–10</translation>
    </message>
    <message>
        <source>12-month pulse NPS: %1 from %2 answers (%3 asked)</source>
        <translation>NPS-puls for 12 måneder: %1 ud fra %2 svar (%3 spurgt)</translation>
    </message>
    <message>
        <source>A score is a whole number from 0 to 10.</source>
        <translation>En score er et helt tal fra 0 til 10.</translation>
    </message>
    <message>
        <source>Add &amp;remedy:</source>
        <translation>Tilføj &amp;godtgørelse:</translation>
    </message>
    <message>
        <source>Added %1 (%2)</source>
        <translation>%1 tilføjet (%2)</translation>
    </message>
    <message>
        <source>All checks</source>
        <translation>Alle opfølgninger</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Svar</translation>
    </message>
    <message>
        <source>Answer from %1 saved</source>
        <translation>Svar fra %1 gemt</translation>
    </message>
    <message>
        <source>Answer of %1</source>
        <translation>Svar fra %1</translation>
    </message>
    <message>
        <source>Answer saved; #%1 closed</source>
        <translation>Svar gemt; #%1 lukket</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Besvaret</translation>
    </message>
    <message>
        <source>Answered %1: %2</source>
        <translation>Svarede %1: %2</translation>
    </message>
    <message>
        <source>Apology call</source>
        <translation>Undskyldende opkald</translation>
    </message>
    <message>
        <source>Apology mail</source>
        <translation>Undskyldende mail</translation>
    </message>
    <message>
        <source>Ask in person</source>
        <translation>Spørg personligt</translation>
    </message>
    <message>
        <source>Asked %1 — waiting for the answer</source>
        <translation>Spurgt %1 — venter på svar</translation>
    </message>
    <message>
        <source>Asked — waiting</source>
        <translation>Spurgt — venter</translation>
    </message>
    <message>
        <source>At risk of a public complaint</source>
        <translation>Risiko for en offentlig klage</translation>
    </message>
    <message>
        <source>By mail</source>
        <translation>Med mail</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV-filer (*.csv *.txt);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Sag</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Check scheduled for %1 (%2)</source>
        <translation>Opfølgning planlagt til %1 (%2)</translation>
    </message>
    <message>
        <source>Classify the answer of %1</source>
        <translation>Klassificér svaret fra %1</translation>
    </message>
    <message>
        <source>Close without saving (Esc)</source>
        <translation>Luk uden at gemme (Esc)</translation>
    </message>
    <message>
        <source>Co&amp;mment:</source>
        <translation>Ko&amp;mmentar:</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Comment (optional)</source>
        <translation>Kommentar (valgfri)</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Pris</translation>
    </message>
    <message>
        <source>Could not import %1: %2 — nothing was stored.</source>
        <translation>Kunne ikke importere %1: %2 — intet blev gemt.</translation>
    </message>
    <message>
        <source>Customer</source>
        <extracomment>the number of ticked customers changed</extracomment>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Customers not asked within the last %1 days, not opted out and without an open complaint. Untick anyone you would rather not ask now.</source>
        <translation>Kunder, der ikke er spurgt inden for de seneste %1 dage, ikke har fravalgt og ikke har en åben klage. Fjern fluebenet ved dem, du hellere ikke vil spørge nu.</translation>
    </message>
    <message>
        <source>Customers to ask this month</source>
        <translation>Kunder, der skal spørges denne måned</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Rabat</translation>
    </message>
    <message>
        <source>Due now</source>
        <extracomment>The Follow-ups view&apos;s states; &quot;due&quot; is a scheduled check whose time has come.</extracomment>
        <translation>Forfalder nu</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Enter saves (the score is optional) · Esc cancels</source>
        <translation>Enter gemmer (karakteren er valgfri) · Esc annullerer</translation>
    </message>
    <message>
        <source>Express shipping</source>
        <translation>Ekspreslevering</translation>
    </message>
    <message>
        <source>Follow-up checks</source>
        <translation>Opfølgninger</translation>
    </message>
    <message>
        <source>Follow-ups — SoloService</source>
        <extracomment>data changed (an answer, sent checks): the main window reloads; the message is for it an answer was stored (the AnswerResult), for whoever wants to follow up the due checks were sent (the status line text) the founder wants to see this inquiry in the main window</extracomment>
        <translation>Opfølgninger — SoloService</translation>
    </message>
    <message>
        <source>Full refund</source>
        <translation>Fuld refusion</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>Gave</translation>
    </message>
    <message>
        <source>Happy customer: ask for a review or a referral</source>
        <translation>Glad kunde: bed om en anmeldelse eller en anbefaling</translation>
    </message>
    <message>
        <source>How to ask</source>
        <translation>Sådan spørges der</translation>
    </message>
    <message>
        <source>Import customers from CSV</source>
        <translation>Importér kunder fra CSV</translation>
    </message>
    <message>
        <source>Imported %1: %2 new, %3 updated, %4 unchanged</source>
        <translation>Importeret %1: %2 nye, %3 opdateret, %4 uændret</translation>
    </message>
    <message numerus="yes">
        <source>Asked %n customer(s)</source>
        <translation>
            <numerusform>Spurgte %n kunde</numerusform>
            <numerusform>Spurgte %n kunder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) could not be used: %1</source>
        <translation>
            <numerusform>%n række kunne ikke bruges: %1</numerusform>
            <numerusform>%n rækker kunne ikke bruges: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) imported with something to check: %1</source>
        <translation>
            <numerusform>%n række importeret med noget at tjekke: %1</numerusform>
            <numerusform>%n rækker importeret med noget at tjekke: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This month&apos;s pulse: %n customer(s) proposed</source>
        <translation>
            <numerusform>Månedens puls: %n kunde foreslået</numerusform>
            <numerusform>Månedens puls: %n kunder foreslået</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Send to %n customer(s)</source>
        <translation>
            <numerusform>&amp;Send til %n kunde</numerusform>
            <numerusform>&amp;Send til %n kunder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mail the 0–10 question to %n customer(s) now? This cannot be taken back.</source>
        <translation>
            <numerusform>Send 0–10-spørgsmålet til %n kunde nu? Det kan ikke tages tilbage.</numerusform>
            <numerusform>Send 0–10-spørgsmålet til %n kunder nu? Det kan ikke tages tilbage.</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importerer %1…</translation>
    </message>
    <message>
        <source>Kind of remedy</source>
        <translation>Type godtgørelse</translation>
    </message>
    <message>
        <source>Last asked</source>
        <translation>Sidst spurgt</translation>
    </message>
    <message>
        <source>Lifetime value</source>
        <translation>Livstidsværdi</translation>
    </message>
    <message>
        <source>Mail the due checks to email and form customers; the others are asked in person</source>
        <translation>Send forfaldne opfølgninger med mail til e-mail- og formularkunder; de andre spørges personligt</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <source>NPS pulse</source>
        <translation>NPS-puls</translation>
    </message>
    <message>
        <source>NPS pulse (customer base), last 12 months</source>
        <translation>NPS-puls (kundebasen), seneste 12 måneder</translation>
    </message>
    <message>
        <source>NPS pulse (customer base): asked of customers at random, not after a case. Satisfaction after complaints is reported apart, in the weekly review.</source>
        <translation>NPS-puls (kundebasen): spørgsmålet stilles til tilfældige kunder, ikke efter en sag. Tilfredshed efter klager vises for sig i den ugentlige gennemgang.</translation>
    </message>
    <message>
        <source>NPS pulse — SoloService</source>
        <extracomment>proposal and report were (re)read something was stored (questions queued, customers imported); the message is for the window a send or import finished (the message shown)</extracomment>
        <translation>NPS-puls — SoloService</translation>
    </message>
    <message>
        <source>Name, email, phone, annual revenue, customer since — from a shop or accounting export</source>
        <translation>Navn, e-mail, telefon, årlig omsætning, kunde siden — fra en eksport fra webshop eller regnskab</translation>
    </message>
    <message>
        <source>No (N)</source>
        <translation>Nej (N)</translation>
    </message>
    <message>
        <source>No answers yet</source>
        <translation>Ingen svar endnu</translation>
    </message>
    <message>
        <source>No inquiry selected</source>
        <translation>Ingen henvendelse valgt</translation>
    </message>
    <message>
        <source>No satisfaction check yet: one is scheduled when the case is resolved.</source>
        <translation>Ingen tilfredshedsopfølgning endnu: den planlægges, når sagen er løst.</translation>
    </message>
    <message>
        <source>Nobody left to ask this month</source>
        <translation>Ingen tilbage at spørge denne måned</translation>
    </message>
    <message>
        <source>Not asked: %1</source>
        <translation>Ikke spurgt: %1</translation>
    </message>
    <message>
        <source>Not satisfied</source>
        <translation>Ikke tilfreds</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>Note, e.g. what was sent</source>
        <translation>Notat, fx hvad der blev sendt</translation>
    </message>
    <message>
        <source>Only unclear answers are classified; Y or N records one.</source>
        <translation>Kun uklare svar klassificeres; Y eller N registrerer et.</translation>
    </message>
    <message>
        <source>Opened #%1 as a closed-loop case — call back within 24 h</source>
        <translation>#%1 åbnet som sag til opfølgning — ring tilbage inden for 24 t</translation>
    </message>
    <message>
        <source>Optional score 0–10; Enter saves, Esc cancels</source>
        <translation>Valgfri karakter 0–10; Enter gemmer, Esc annullerer</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andet</translation>
    </message>
    <message>
        <source>Partial refund</source>
        <translation>Delvis refusion</translation>
    </message>
    <message>
        <source>Press C to read the answer and classify it</source>
        <translation>Tryk på C for at læse svaret og klassificere det</translation>
    </message>
    <message>
        <source>Press Y or N, or type a score from 0 to 10.</source>
        <translation>Tryk på Y eller N, eller skriv en score fra 0 til 10.</translation>
    </message>
    <message>
        <source>Pulse NPS</source>
        <translation>Puls-NPS</translation>
    </message>
    <message>
        <source>Read the checks again (F5)</source>
        <translation>Indlæs opfølgningerne igen (F5)</translation>
    </message>
    <message>
        <source>Record an answer:</source>
        <translation>Registrér et svar:</translation>
    </message>
    <message>
        <source>Record the remedy (Enter in the note)</source>
        <translation>Registrér godtgørelsen (Enter i notatet)</translation>
    </message>
    <message>
        <source>Remedies</source>
        <translation>Godtgørelser</translation>
    </message>
    <message>
        <source>Remedy</source>
        <translation>Godtgørelse</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>Fje&amp;rn</translation>
    </message>
    <message>
        <source>Remove the selected remedy (Delete); it can be undone</source>
        <translation>Fjern den valgte godtgørelse (Delete); det kan fortrydes</translation>
    </message>
    <message>
        <source>Removed %1 (%2)</source>
        <translation>%1 fjernet (%2)</translation>
    </message>
    <message>
        <source>Reopened #%1 as a closed-loop case — call back within 24 h</source>
        <translation>#%1 genåbnet som sag til opfølgning — ring tilbage inden for 24 t</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>Reparation</translation>
    </message>
    <message>
        <source>Replacement</source>
        <translation>Ombytning</translation>
    </message>
    <message>
        <source>Restored %1</source>
        <translation>%1 gendannet</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>V&amp;is:</translation>
    </message>
    <message>
        <source>S&amp;top sending</source>
        <translation>S&amp;top afsendelsen</translation>
    </message>
    <message>
        <source>Satisfaction answers</source>
        <extracomment>Older answers are summarised in a count; the card is not the place for a full history.</extracomment>
        <translation>Tilfredshedssvar</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>Tilfreds</translation>
    </message>
    <message>
        <source>Satisfied?</source>
        <translation>Tilfreds?</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Gem</translation>
    </message>
    <message>
        <source>Save the answer (Enter)</source>
        <translation>Gem svaret (Enter)</translation>
    </message>
    <message>
        <source>Sc&amp;ore:</source>
        <translation>Sc&amp;ore:</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Planlagt</translation>
    </message>
    <message>
        <source>Scheduled / asked</source>
        <translation>Planlagt / spurgt</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Score 0 to 10</source>
        <translation>Score 0 til 10</translation>
    </message>
    <message>
        <source>Send the NPS question</source>
        <translation>Send NPS-spørgsmålet</translation>
    </message>
    <message>
        <source>Sending %1 of %2…</source>
        <translation>Sender %1 af %2…</translation>
    </message>
    <message>
        <source>Sending the due checks…</source>
        <translation>Sender forfaldne opfølgninger…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sender…</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Vis</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Sprunget over</translation>
    </message>
    <message>
        <source>Something went wrong; nothing was changed.

%1</source>
        <extracomment>survey statuses an answer can still be recorded for</extracomment>
        <translation>Noget gik galt; intet blev ændret.

%1</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tilstand</translation>
    </message>
    <message>
        <source>The answer was unclear — classify it in Follow-ups (Ctrl+Shift+F)</source>
        <translation>Svaret var uklart — klassificér det under Opfølgninger (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <source>The customer is not satisfied: the case reopens for a call-back within 24 h</source>
        <translation>Kunden er ikke tilfreds: sagen genåbnes til tilbageringning inden for 24 t</translation>
    </message>
    <message>
        <source>The customer said they are satisfied (asked in person)</source>
        <translation>Kunden sagde, at de er tilfredse (spurgt personligt)</translation>
    </message>
    <message>
        <source>The customer wrote:</source>
        <translation>Kunden skrev:</translation>
    </message>
    <message>
        <source>The questions not sent yet wait in the outbox</source>
        <translation>De spørgsmål, der ikke er sendt endnu, venter i udbakken</translation>
    </message>
    <message>
        <source>This check is already answered.</source>
        <translation>Denne opfølgning er allerede besvaret.</translation>
    </message>
    <message>
        <source>This check was skipped: %1</source>
        <translation>Denne opfølgning blev sprunget over: %1</translation>
    </message>
    <message>
        <source>Unclear answer</source>
        <translation>Uklart svar</translation>
    </message>
    <message>
        <source>Unhappy answer: call back by %1</source>
        <translation>Utilfreds svar: ring tilbage senest %1</translation>
    </message>
    <message>
        <source>Untick when asking would be out of place for this case (it is still stored why)</source>
        <translation>Fjern fluebenet, når det ville være malplaceret at spørge i denne sag (årsagen gemmes stadig)</translation>
    </message>
    <message>
        <source>What the customer wrote</source>
        <translation>Hvad kunden skrev</translation>
    </message>
    <message>
        <source>What was spent on making it right, next to what the customer is worth</source>
        <extracomment>the last removed remedy, until it is restored or another change is made</extracomment>
        <translation>Hvad der er brugt på at rette op på det, set i forhold til hvad kunden er værd</translation>
    </message>
    <message>
        <source>Why it was not read automatically: %1</source>
        <translation>Hvorfor det ikke blev læst automatisk: %1</translation>
    </message>
    <message>
        <source>Y / N: the customer&apos;s answer, then a score 0–10 and Enter · C: classify an unclear answer · Enter or double-click: open the case</source>
        <translation>Y / N: kundens svar, derefter en score 0–10 og Enter · C: klassificér et uklart svar · Enter eller dobbeltklik: åbn sagen</translation>
    </message>
    <message>
        <source>Y or N records the customer&apos;s answer</source>
        <translation>Y eller N registrerer kundens svar</translation>
    </message>
    <message>
        <source>Yes (Y)</source>
        <translation>Ja (Y)</translation>
    </message>
    <message>
        <source>as soon as possible</source>
        <translation>hurtigst muligt</translation>
    </message>
    <message>
        <source>asked %1</source>
        <translation>spurgt %1</translation>
    </message>
    <message>
        <source>at risk of a public complaint</source>
        <translation>risiko for en offentlig klage</translation>
    </message>
    <message>
        <source>for %1</source>
        <translation>for %1</translation>
    </message>
    <message>
        <source>happy customer: ask for a review or a referral</source>
        <translation>glad kunde: bed om en anmeldelse eller en anbefaling</translation>
    </message>
    <message>
        <source>n = answers that month</source>
        <translation>n = svar den måned</translation>
    </message>
    <message>
        <source>n=%1</source>
        <translation>n=%1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>aldrig</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <source>no clear yes/no or score</source>
        <translation>intet klart ja/nej eller score</translation>
    </message>
    <message>
        <source>no remedy yet — customer worth %1</source>
        <translation>ingen godtgørelse endnu — kunden er værd %1</translation>
    </message>
    <message>
        <source>no score</source>
        <translation>ingen score</translation>
    </message>
    <message>
        <source>not asked: %1</source>
        <translation>ikke spurgt: %1</translation>
    </message>
    <message>
        <source>pulse</source>
        <translation>puls</translation>
    </message>
    <message>
        <source>remedy %1 — customer worth %2</source>
        <translation>godtgørelse %1 — kunden er værd %2</translation>
    </message>
    <message>
        <source>the customer</source>
        <translation>kunden</translation>
    </message>
    <message>
        <source>unclear: %1</source>
        <translation>uklart: %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>… and %1 older</source>
        <translation>… og %1 ældre</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d. %2 t.</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 t. %2 min.</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min.</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Lukket</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Klage</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Facebook</source>
        <translation>Facebook</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Formular</translation>
    </message>
    <message>
        <source>From customer</source>
        <translation>Fra kunden</translation>
    </message>
    <message>
        <source>Instagram</source>
        <translation>Instagram</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Ny</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åben</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Praise</source>
        <translation>Ros</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Spørgsmål</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Svar</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Løst</translation>
    </message>
    <message>
        <source>Social</source>
        <translation>Sociale medier</translation>
    </message>
    <message>
        <source>Tomorrow %1</source>
        <translation>i morgen %1</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Venter</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>Yesterday %1</source>
        <translation>i går %1</translation>
    </message>
</context>
<context>
    <name>mail</name>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
</context>
<context>
    <name>operations</name>
    <message>
        <source>Closed</source>
        <translation>Lukket</translation>
    </message>
    <message>
        <source>Marked new</source>
        <translation>Markeret som ny</translation>
    </message>
    <message>
        <source>Marked waiting</source>
        <translation>Markeret som venter</translation>
    </message>
    <message>
        <source>Note added to #%1</source>
        <translation>Notat tilføjet til #%1</translation>
    </message>
    <message>
        <source>Redone: %1</source>
        <translation>Gentaget: %1</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Genåbnet</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Løst</translation>
    </message>
    <message>
        <source>Snoozed #%1 until %2</source>
        <translation>#%1 udsat til %2</translation>
    </message>
    <message>
        <source>Something went wrong; nothing was changed.

%1</source>
        <extracomment>(message for the status bar, id of the inquiry concerned or None, what changed: a ``Changes``) a message for the user: what failed and that nothing was changed a status change was made and can be undone (message, e.g. &quot;Resolved #12&quot;)</extracomment>
        <translation>Noget gik galt; intet blev ændret.

%1</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>Fortrudt: %1</translation>
    </message>
    <message>
        <source>Woke #%1</source>
        <translation>#%1 vækket</translation>
    </message>
</context>
</TS>
