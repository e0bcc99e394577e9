<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO" sourcelanguage="en">
<context>
    <name>AboutPage</name>
    <message>
        <source>&amp;Business name:</source>
        <translation>&amp;Virksomhetens navn:</translation>
    </message>
    <message>
        <source>A few questions to set things up — about two minutes. Replies and acknowledgements are signed with these names.</source>
        <translation>Noen spørsmål for å komme i gang — omtrent to minutter. Svar og kvitteringer signeres med disse navnene.</translation>
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
        <translation>Ditt &amp;språk:</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Ditt &amp;navn:</translation>
    </message>
    <message>
        <source>Your language is also the one new customers are written to in, until SoloService sees which language they write.</source>
        <translation>Ditt språk er også det nye kunder får svar på, til SoloService ser hvilket språk de skriver.</translation>
    </message>
    <message>
        <source>e.g. Hygge Keramik</source>
        <translation>f.eks. Hygge Keramikk</translation>
    </message>
    <message>
        <source>e.g. Søs Jensen</source>
        <translation>f.eks. Kari Nordmann</translation>
    </message>
</context>
<context>
    <name>AckDialog</name>
    <message>
        <source>&amp;Copy text</source>
        <translation>&amp;Kopier tekst</translation>
    </message>
    <message>
        <source>&amp;Record as given</source>
        <translation>&amp;Registrer som gitt</translation>
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
        <translation>(uten navn)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · %3</translation>
    </message>
    <message>
        <source>Acknowledge #%1</source>
        <extracomment>the acknowledgement was sent, queued or recorded: (inquiry id, status-bar message)</extracomment>
        <translation>Kvitter for #%1</translation>
    </message>
    <message>
        <source>Acknowledgement queued; sending failed (%1) — it will be retried</source>
        <translation>Kvitteringen er lagt i kø; sendingen mislyktes (%1) — det prøves igjen</translation>
    </message>
    <message>
        <source>Acknowledgement recorded</source>
        <translation>Kvittering registrert</translation>
    </message>
    <message>
        <source>Acknowledgement sent</source>
        <translation>Kvittering sendt</translation>
    </message>
    <message>
        <source>Copied ✓</source>
        <translation>Kopiert ✓</translation>
    </message>
    <message>
        <source>Due %1 (in %2)</source>
        <translation>Frist %1 (om %2)</translation>
    </message>
    <message>
        <source>Nothing to fill in for %1 — check the text before it goes out.</source>
        <translation>Ingenting å fylle inn for %1 — sjekk teksten før den sendes.</translation>
    </message>
    <message>
        <source>Overdue: was due %1 (%2 ago)</source>
        <translation>Forfalt: fristen var %1 (for %2 siden)</translation>
    </message>
    <message>
        <source>Promise kept: answered %1</source>
        <translation>Løfte holdt: besvart %1</translation>
    </message>
    <message>
        <source>Promise broken: answered %1</source>
        <translation>Løfte brutt: besvart %1</translation>
    </message>
    <message>
        <source>(%1 early)</source>
        <translation>(%1 før tiden)</translation>
    </message>
    <message>
        <source>(%1 late)</source>
        <translation>(%1 for sent)</translation>
    </message>
    <message>
        <source>No promise running (waiting on the customer or closed).</source>
        <translation>Ingen løfte løper (venter på kunden eller lukket).</translation>
    </message>
    <message>
        <source>Already acknowledged %1.</source>
        <translation>Allerede kvittert %1.</translation>
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
        <translation>Si eller skriv dette til kunden, og registrer det deretter som gitt.</translation>
    </message>
    <message>
        <source>That time has passed: this text promises a fresh one, %1.</source>
        <translation>Det tidspunktet er passert: teksten lover et nytt, %1.</translation>
    </message>
    <message>
        <source>The acknowledgement is empty.</source>
        <translation>Kvitteringen er tom.</translation>
    </message>
    <message>
        <source>the mail server did not answer</source>
        <translation>e-postserveren svarte ikke</translation>
    </message>
</context>
<context>
    <name>AckFeature</name>
    <message>
        <source>Ac&amp;knowledge…</source>
        <extracomment>an automatic round finished (tests wait on it)</extracomment>
        <translation>&amp;Kvitter for mottak…</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Kvitter</translation>
    </message>
    <message>
        <source>Automatic acknowledgement failed: %1</source>
        <translation>Automatisk kvittering mislyktes: %1</translation>
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
        <translation>Slik ble fristen beregnet</translation>
    </message>
    <message>
        <source>Nothing to acknowledge: the customer is not waiting for a reply</source>
        <translation>Ingenting å kvittere for: kunden venter ikke på svar</translation>
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
        <translation>Fortell kunden når de hører fra deg</translation>
    </message>
</context>
<context>
    <name>AssistantHoursPage</name>
    <message>
        <source>Reply promises count only your opening hours: an email on Friday evening is due on Monday, not on Saturday.</source>
        <translation>Svarløfter teller bare åpningstidene dine: en e-post fredag kveld skal besvares mandag, ikke lørdag.</translation>
    </message>
    <message>
        <source>Vacations and closed days: Tools &gt; Settings &gt; Hours &amp; holidays.</source>
        <translation>Ferie og stengte dager: Verktøy &gt; Innstillinger &gt; Åpningstider og helligdager.</translation>
    </message>
    <message>
        <source>When you are open</source>
        <translation>Når du har åpent</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Lagre…</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Vedlegg</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>Kunne ikke lagre %1: %2</translation>
    </message>
    <message>
        <source>Formatted mail:</source>
        <translation>Formatert e-post:</translation>
    </message>
    <message>
        <source>Formatted messages</source>
        <translation>Formaterte meldinger</translation>
    </message>
    <message>
        <source>No attachments in this conversation.</source>
        <translation>Ingen vedlegg i denne samtalen.</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Lagre vedlegg</translation>
    </message>
    <message>
        <source>Save the attachment to a file (it is not opened)</source>
        <translation>Lagre vedlegget som fil (det åpnes ikke)</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Lagret i %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Lagrer…</translation>
    </message>
    <message>
        <source>Show &amp;formatted (remote images blocked)…</source>
        <translation>Vis &amp;formatert (eksterne bilder blokkert)…</translation>
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
        <translation>Før en gjenoppretting</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>Før en oppgradering</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Daglig</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>Åpne skrivebeskyttet</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Avslutt</translation>
    </message>
    <message>
        <source>Restore newest good backup</source>
        <translation>Gjenopprett nyeste gode sikkerhetskopi</translation>
    </message>
    <message>
        <source>The SoloService database is damaged (%1). Nothing has been written to it.</source>
        <translation>SoloService-databasen er skadet (%1). Ingenting er skrevet til den.</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>Databasen er skadet</translation>
    </message>
    <message>
        <source>The database is damaged and open read-only: nothing can be changed. Restore a backup with File → Backups…</source>
        <translation>Databasen er skadet og åpnet skrivebeskyttet: ingenting kan endres. Gjenopprett en sikkerhetskopi med Fil → Sikkerhetskopier…</translation>
    </message>
    <message>
        <source>The newest good backup is from %1. The damaged data is kept as a backup.</source>
        <translation>Den nyeste gode sikkerhetskopien er fra %1. De skadde dataene beholdes som sikkerhetskopi.</translation>
    </message>
    <message>
        <source>The restore failed</source>
        <translation>Gjenopprettingen mislyktes</translation>
    </message>
    <message>
        <source>There is no good backup to restore.</source>
        <translation>Det finnes ingen god sikkerhetskopi å gjenopprette.</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Ukentlig</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Ta sikkerhetskopi nå</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Gjenopprett…</translation>
    </message>
    <message>
        <source>A backup is taken every day you use SoloService (7 daily and 4 weekly are kept) and before every upgrade of the database.</source>
        <translation>Det tas en sikkerhetskopi hver dag du bruker SoloService (7 daglige og 4 ukentlige beholdes), og før hver oppgradering av databasen.</translation>
    </message>
    <message>
        <source>Backed up to %1</source>
        <translation>Sikkerhetskopiert til %1</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Tar sikkerhetskopi…</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sikkerhetskopier</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>No backups yet.</source>
        <translation>Ingen sikkerhetskopier ennå.</translation>
    </message>
    <message>
        <source>Open &amp;folder</source>
        <translation>Åpne &amp;mappe</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder: move it away so backups can be kept.</source>
        <translation>%1 er en fil, ikke en mappe: flytt den bort, så det kan tas sikkerhetskopier.</translation>
    </message>
    <message>
        <source>Replace the current data with the backup of %1? The current data is kept as a backup first.</source>
        <translation>Erstatte dagens data med sikkerhetskopien fra %1? Dagens data beholdes først som sikkerhetskopi.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Gjenopprett</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Gjenopprett en sikkerhetskopi</translation>
    </message>
    <message>
        <source>Restored. SoloService starts again on the restored data.</source>
        <translation>Gjenopprettet. SoloService starter på nytt med de gjenopprettede dataene.</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Størrelse</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Tatt</translation>
    </message>
    <message>
        <source>The backup failed: %1</source>
        <translation>Sikkerhetskopien mislyktes: %1</translation>
    </message>
    <message>
        <source>The database is damaged: restore a backup</source>
        <translation>Databasen er skadet: gjenopprett en sikkerhetskopi</translation>
    </message>
    <message>
        <source>The restore failed: %1</source>
        <translation>Gjenopprettingen mislyktes: %1</translation>
    </message>
</context>
<context>
    <name>BackupsFeature</name>
    <message>
        <source>&amp;Backups…</source>
        <translation>&amp;Sikkerhetskopier…</translation>
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
        <translation>&amp;Gjennomsnittlig omsetning per kunde per år:</translation>
    </message>
    <message>
        <source>&amp;Business name:</source>
        <translation>&amp;Firmanavn:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-post:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>&amp;Website:</source>
        <translation>&amp;Nettside:</translation>
    </message>
    <message>
        <source>A customer&apos;s own figures on the customer card override these averages. Next to a customer&apos;s lifetime value, a small remedy is nothing.</source>
        <translation>En kundes egne tall på kundekortet går foran disse gjennomsnittene. Sammenlignet med en kundes livstidsverdi er en liten kompensasjon ingenting.</translation>
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
        <translation>&amp;Forventet antall år som kunde:</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Engelsk</translation>
    </message>
    <message>
        <source>Lifetime value:</source>
        <translation>Livstidsverdi:</translation>
    </message>
    <message>
        <source>Norwegian (bokmål)</source>
        <translation>Norsk (bokmål)</translation>
    </message>
    <message>
        <source>The business email does not look like an address.</source>
        <translation>Firmaets e-post ser ikke ut som en adresse.</translation>
    </message>
    <message>
        <source>Your &amp;language:</source>
        <translation>Ditt &amp;språk:</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Ditt &amp;navn:</translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Complaint</source>
        <translation>&amp;Klage</translation>
    </message>
    <message>
        <source>&amp;Incoming</source>
        <translation>&amp;Innkommende</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Navn:</translation>
    </message>
    <message>
        <source>&amp;Outgoing</source>
        <translation>&amp;Utgående</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>&amp;Solved on the call</source>
        <translation>&amp;Løst i samtalen</translation>
    </message>
    <message>
        <source>C&amp;ase:</source>
        <translation>S&amp;ak:</translation>
    </message>
    <message>
        <source>Call time:</source>
        <translation>Samtaletid:</translation>
    </message>
    <message>
        <source>Call-&amp;back owed</source>
        <translation>Skylder å &amp;ringe tilbake</translation>
    </message>
    <message>
        <source>Could not save the call: %1</source>
        <translation>Kunne ikke lagre samtalen: %1</translation>
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
        <translation>Forkaste denne samtalen?</translation>
    </message>
    <message>
        <source>Duration in minutes</source>
        <translation>Varighet i minutter</translation>
    </message>
    <message>
        <source>Existing customer: %1</source>
        <translation>Eksisterende kunde: %1</translation>
    </message>
    <message>
        <source>Log a call</source>
        <translation>Registrer samtale</translation>
    </message>
    <message>
        <source>Matching customers</source>
        <translation>Kunder som passer</translation>
    </message>
    <message>
        <source>Name (searches existing customers)</source>
        <translation>Navn (søker blant eksisterende kunder)</translation>
    </message>
    <message>
        <source>Not&amp;es:</source>
        <translation>&amp;Notater:</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notater</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>Utfall:</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Telefonnummer</translation>
    </message>
    <message>
        <source>Save</source>
        <extracomment>the inquiry selected when the dialog was opened (most likely the call-back it owes)</extracomment>
        <translation>Lagre</translation>
    </message>
    <message>
        <source>Save the call (Ctrl+Enter)</source>
        <translation>Lagre samtalen (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>The call has not been saved. Discard what you typed?</source>
        <translation>Samtalen er ikke lagret. Forkaste det du har skrevet?</translation>
    </message>
    <message>
        <source>The phone number is not valid; fix it or leave it empty.</source>
        <translation>Telefonnummeret er ikke gyldig; rett det, eller la feltet stå tomt.</translation>
    </message>
    <message>
        <source>Type a phone number or a name.</source>
        <translation>Skriv et telefonnummer eller et navn.</translation>
    </message>
    <message>
        <source>Type the duration if you did not time the call</source>
        <translation>Skriv varigheten hvis du ikke tok tiden på samtalen</translation>
    </message>
    <message>
        <source>What was it about? What did you promise?</source>
        <translation>Hva gjaldt det? Hva lovet du?</translation>
    </message>
    <message>
        <source>Write a few words about the call.</source>
        <translation>Skriv noen ord om samtalen.</translation>
    </message>
    <message>
        <source>e.g. 20 30 40 50 or +47 912 34 567</source>
        <translation>f.eks. 20 30 40 50 eller +47 912 34 567</translation>
    </message>
    <message>
        <source>or &amp;minutes:</source>
        <translation>eller &amp;minutter:</translation>
    </message>
    <message>
        <source>use timer</source>
        <translation>bruk stoppeklokke</translation>
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
        <translation>Start eller stopp samtaleklokken (Ctrl+T)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
</context>
<context>
    <name>CaptureFeature</name>
    <message>
        <source>&amp;Quick capture…</source>
        <translation>&amp;Hurtigregistrering…</translation>
    </message>
    <message>
        <source>Captured #%1</source>
        <translation>Registrert #%1</translation>
    </message>
    <message>
        <source>Paste a comment, review or message seen elsewhere</source>
        <translation>Lim inn en kommentar, anmeldelse eller melding du har sett et annet sted</translation>
    </message>
</context>
<context>
    <name>CaseChoice</name>
    <message>
        <source>Add the call to</source>
        <translation>Legg samtalen til</translation>
    </message>
    <message>
        <source>Add the call to an open case of this customer, or start a new inquiry</source>
        <translation>Legg samtalen til en åpen sak for denne kunden, eller start en ny henvendelse</translation>
    </message>
    <message>
        <source>Add to #%1</source>
        <extracomment>the founder picked an entry: a later change of direction keeps their pick</extracomment>
        <translation>Legg til #%1</translation>
    </message>
    <message>
        <source>Add to #%1 “%2”</source>
        <translation>Legg til #%1 «%2»</translation>
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
        <translation>Legg til &amp;notat</translation>
    </message>
    <message>
        <source>Add a private note… (Ctrl+Enter)</source>
        <translation>Legg til et privat notat… (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Call from customer</source>
        <translation>Samtale fra kunden</translation>
    </message>
    <message>
        <source>Call to customer</source>
        <translation>Samtale til kunden</translation>
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
        <translation>Ingen meldinger ennå.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>Pick an inquiry on the left, or log a call with Ctrl+L.</source>
        <translation>Velg en henvendelse til venstre, eller registrer en samtale med Ctrl+L.</translation>
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
        <translation>automatisk e-post: %1</translation>
    </message>
    <message>
        <source>duration %1</source>
        <translation>varighet %1</translation>
    </message>
    <message>
        <source>noticed: %1</source>
        <translation>oppdaget: %1</translation>
    </message>
    <message>
        <source>promise broken</source>
        <translation>løfte brutt</translation>
    </message>
    <message>
        <source>promise kept</source>
        <translation>løfte holdt</translation>
    </message>
    <message>
        <source>received %1</source>
        <translation>mottatt %1</translation>
    </message>
    <message>
        <source>snoozed until %1</source>
        <translation>utsatt til %1</translation>
    </message>
    <message>
        <source>worth %1</source>
        <translation>verdi %1</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <source>&amp;Copy details</source>
        <translation>&amp;Kopier detaljer</translation>
    </message>
    <message>
        <source>SoloService hit a bug</source>
        <translation>SoloService støtte på en feil</translation>
    </message>
    <message>
        <source>Something went wrong that SoloService did not expect. What you saved is safe; the last action may not have finished.</source>
        <translation>Noe uventet gikk galt i SoloService. Det du har lagret, er trygt; den siste handlingen ble kanskje ikke fullført.</translation>
    </message>
    <message>
        <source>The details are in the log file. Copy them into a mail to support: %1</source>
        <translation>Detaljene står i loggfilen. Kopier dem inn i en e-post til support: %1</translation>
    </message>
</context>
<context>
    <name>CsvImportWizard</name>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>Import form submissions (CSV)</source>
        <translation>Importer skjemainnsendinger (CSV)</translation>
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
        <translation>(uten navn)</translation>
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
        <translation>Språk</translation>
    </message>
    <message>
        <source>Language: %1</source>
        <translation>Språk: %1</translation>
    </message>
    <message>
        <source>Language: %1 (guessed: %2)</source>
        <translation>Språk: %1 (gjettet: %2)</translation>
    </message>
    <message>
        <source>Lifetime value: %1</source>
        <translation>Livstidsverdi: %1</translation>
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
        <translation>Ingen telefon, e-post eller brukernavn ennå</translation>
    </message>
    <message>
        <source>Norwegian</source>
        <translation>Norsk</translation>
    </message>
    <message>
        <source>Replies, acknowledgements and surveys use this language; change it with Edit</source>
        <translation>Svar, kvitteringer og undersøkelser bruker dette språket; endre det med Rediger</translation>
    </message>
    <message>
        <source>Yearly value × expected years; set per customer or from the defaults</source>
        <translation>Årlig verdi × forventede år; satt for kunden eller fra standardverdiene</translation>
    </message>
    <message>
        <source>text</source>
        <translation>tekst</translation>
    </message>
    <message>
        <source>text in another language</source>
        <translation>tekst på et annet språk</translation>
    </message>
</context>
<context>
    <name>CustomerCounts</name>
    <message numerus="yes">
        <source>Merged %1 into %2 (%n inquiry(s) moved)</source>
        <translation>
            <numerusform>Slo sammen %1 med %2 (%n henvendelse flyttet)</numerusform>
            <numerusform>Slo sammen %1 med %2 (%n henvendelser flyttet)</numerusform>
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
        <translation>&amp;Legg til</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Språk:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Navn:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lagre</translation>
    </message>
    <message>
        <source>Annual &amp;value:</source>
        <translation>Årlig &amp;verdi:</translation>
    </message>
    <message>
        <source>Customer: %1</source>
        <translation>Kunde: %1</translation>
    </message>
    <message>
        <source>Email, phone number or handle</source>
        <translation>E-post, telefonnummer eller brukernavn</translation>
    </message>
    <message>
        <source>Expected &amp;years:</source>
        <translation>Forventede &amp;år:</translation>
    </message>
    <message>
        <source>Guessed from their first message (%1). Choose one to make it yours.</source>
        <translation>Gjettet ut fra den første meldingen (%1). Velg et språk for å bestemme selv.</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;otater:</translation>
    </message>
    <message>
        <source>Never ask this customer for surveys (opted out)</source>
        <translation>Spør aldri denne kunden om undersøkelser (reservert seg)</translation>
    </message>
    <message>
        <source>Own figure</source>
        <translation>Egen verdi</translation>
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
        <translation>Måter å nå kunden på</translation>
    </message>
    <message>
        <source>Worth %1 over the years</source>
        <translation>Verdt %1 over årene</translation>
    </message>
</context>
<context>
    <name>CustomerEditFeature</name>
    <message>
        <source>Edit &amp;customer…</source>
        <translation>&amp;Rediger kunde…</translation>
    </message>
    <message>
        <source>Edit customer, value and contacts…</source>
        <extracomment>the card&apos;s &quot;Edit customer…&quot; link; hidden with the card</extracomment>
        <translation>Rediger kunde, verdi og kontaktinformasjon…</translation>
    </message>
    <message>
        <source>Name, language, notes, what the customer is worth</source>
        <translation>Navn, språk, notater, hva kunden er verdt</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 lagret</translation>
    </message>
</context>
<context>
    <name>CustomerMatching</name>
    <message>
        <source>%1 open inquiries</source>
        <translation>%1 åpne henvendelser</translation>
    </message>
    <message>
        <source>(%1 open)</source>
        <translation>(%1 åpne)</translation>
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
        <translation>Ikke et gyldig telefonnummer ennå</translation>
    </message>
    <message>
        <source>Type the number; the country defaults to %1</source>
        <translation>Skriv nummeret; landet er %1 om ikke annet oppgis</translation>
    </message>
    <message>
        <source>⚠ %1: not a known number range; it will be saved, check it</source>
        <translation>⚠ %1: ikke en kjent nummerserie; det lagres, men sjekk det</translation>
    </message>
</context>
<context>
    <name>CustomersFeature</name>
    <message>
        <source>%1 is a customer of their own again</source>
        <translation>%1 er en egen kunde igjen</translation>
    </message>
    <message>
        <source>Customers that may be the same person as this one</source>
        <translation>Kunder som kan være samme person som denne</translation>
    </message>
    <message>
        <source>No likely duplicates of %1</source>
        <translation>Ingen sannsynlige duplikater av %1</translation>
    </message>
    <message>
        <source>Same person? &amp;Merge with…</source>
        <translation>Samme person? Slå s&amp;ammen med…</translation>
    </message>
    <message>
        <source>Undo merge</source>
        <extracomment>counted messages (&quot;%n … (s)&quot;): a context lupdate reads as plurals (soloservice/plurals.py)</extracomment>
        <translation>Angre sammenslåing</translation>
    </message>
    <message>
        <source>this customer</source>
        <translation>denne kunden</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>&amp;Import entries from my website&apos;s contact form (a CSV export) next</source>
        <translation>&amp;Importer henvendelser fra nettstedets kontaktskjema (en CSV-eksport) etterpå</translation>
    </message>
    <message>
        <source>Everything here can be changed later: Tools &gt; Settings… (Ctrl+,) for your names, hours and values, Tools &gt; Mail accounts… for mail, and File &gt; Import for form exports.</source>
        <translation>Alt her kan endres senere: Verktøy &gt; Innstillinger… (Ctrl+,) for navn, åpningstider og verdier, Verktøy &gt; E-postkontoer… for e-post og Fil &gt; Importer for skjemaeksporter.</translation>
    </message>
    <message>
        <source>Finish saves your answers.</source>
        <translation>Fullfør lagrer svarene dine.</translation>
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
        <translation> dager</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Bla gjennom…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fil:</translation>
    </message>
    <message>
        <source>&amp;Mark entries older than</source>
        <translation>&amp;Merk henvendelser eldre enn</translation>
    </message>
    <message>
        <source>A CSV file exported from your form service (WPForms, Jotform, Google Forms, Typeform, Tally…) or saved from Excel.</source>
        <translation>En CSV-fil eksportert fra skjematjenesten din (WPForms, Jotform, Google Forms, Typeform, Tally…) eller lagret fra Excel.</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All (*)</source>
        <translation>CSV-filer (*.csv *.txt);;Alle (*)</translation>
    </message>
    <message>
        <source>Choose the export</source>
        <extracomment>&quot;Mark entries older than [30] days as already answered&quot;: the days offered first The mapping&apos;s fields in the order the page shows them.</extracomment>
        <translation>Velg eksporten</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Dager</translation>
    </message>
    <message>
        <source>F&amp;orm name:</source>
        <translation>S&amp;kjemaets navn:</translation>
    </message>
    <message>
        <source>Form submissions</source>
        <translation>Skjemainnsendinger</translation>
    </message>
    <message>
        <source>Path to the .csv file</source>
        <translation>Sti til .csv-filen</translation>
    </message>
    <message>
        <source>The column mapping is remembered under the form&apos;s name for the next export.</source>
        <translation>Kolonneoppsettet huskes under skjemaets navn til neste eksport.</translation>
    </message>
    <message>
        <source>They are imported resolved, with no reply promise and no follow-up, so old entries do not show up as overdue.</source>
        <translation>De importeres som løste, uten svarløfte og uten oppfølging, så gamle henvendelser ikke vises som forfalt.</translation>
    </message>
    <message>
        <source>This file cannot be imported: %1</source>
        <translation>Denne filen kan ikke importeres: %1</translation>
    </message>
    <message>
        <source>as already answered</source>
        <translation>som allerede besvart</translation>
    </message>
    <message>
        <source>e.g. Kontaktformular</source>
        <translation>f.eks. Kontaktskjema</translation>
    </message>
</context>
<context>
    <name>FirstStartAssistant</name>
    <message>
        <source>Nothing is saved; set this up later in Tools &gt; Settings…</source>
        <translation>Ingenting lagres; sett det opp senere under Verktøy &gt; Innstillinger…</translation>
    </message>
    <message>
        <source>Set up SoloService</source>
        <translation>Sett opp SoloService</translation>
    </message>
    <message>
        <source>Skip for now</source>
        <translation>Hopp over foreløpig</translation>
    </message>
    <message>
        <source>Your answers could not be saved: %1</source>
        <translation>Svarene dine kunne ikke lagres: %1</translation>
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
        <translation> dager</translation>
    </message>
    <message>
        <source> days after resolving</source>
        <translation> dager etter løsning</translation>
    </message>
    <message>
        <source>&amp;Rest period between surveys:</source>
        <translation>&amp;Hvileperiode mellom undersøkelser:</translation>
    </message>
    <message>
        <source>&lt;b&gt;NPS pulse&lt;/b&gt; — ask a few customers every month:</source>
        <translation>&lt;b&gt;NPS-puls&lt;/b&gt; — spør noen få kunder hver måned:</translation>
    </message>
    <message>
        <source>A &amp;share of all customers per month:</source>
        <translation>En &amp;andel av alle kunder per måned:</translation>
    </message>
    <message>
        <source>A fixed &amp;number per month:</source>
        <translation>Et fast &amp;antall per måned:</translation>
    </message>
    <message>
        <source>Ask &quot;are you satisfied?&quot; &amp;after:</source>
        <translation>Spør &quot;er du fornøyd?&quot; &amp;etter:</translation>
    </message>
    <message>
        <source>Include the 0–10 &amp;recommendation question</source>
        <translation>Ta med &amp;anbefalingsspørsmålet (0–10)</translation>
    </message>
    <message>
        <source>No customer is asked again within the rest period (about six months is usual), whether by a follow-up or the NPS pulse.</source>
        <translation>Ingen kunde blir spurt igjen innenfor hvileperioden (omtrent et halvt år er vanlig), verken ved en oppfølging eller NPS-pulsen.</translation>
    </message>
</context>
<context>
    <name>FollowupsFeature</name>
    <message>
        <source>&amp;Follow-ups…</source>
        <translation>Oppfølg&amp;inger…</translation>
    </message>
    <message>
        <source>Ask customers whether they are satisfied, and record answers</source>
        <translation>Spør kundene om de er fornøyde, og registrer svarene</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Oppfølging</translation>
    </message>
    <message>
        <source>Follow-ups (%1)</source>
        <translation>Oppfølginger (%1)</translation>
    </message>
</context>
<context>
    <name>FormRulesDialog</name>
    <message>
        <source>%1 (built-in)</source>
        <translation>%1 (innebygd)</translation>
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
        <translation>%1 (slått av)</translation>
    </message>
    <message>
        <source>&amp;Add label</source>
        <translation>&amp;Legg til etikett</translation>
    </message>
    <message>
        <source>&amp;Form name:</source>
        <translation>&amp;Skjemaets navn:</translation>
    </message>
    <message>
        <source>&amp;Load .eml…</source>
        <translation>&amp;Last inn .eml…</translation>
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
        <translation>&amp;Lagre regel</translation>
    </message>
    <message>
        <source>&amp;Sender:</source>
        <translation>&amp;Avsender:</translation>
    </message>
    <message>
        <source>&amp;Try on:</source>
        <translation>&amp;Prøv på:</translation>
    </message>
    <message>
        <source>&amp;Use this rule when mail arrives</source>
        <translation>&amp;Bruk denne regelen når det kommer e-post</translation>
    </message>
    <message>
        <source>(HTML only)</source>
        <translation>(bare HTML)</translation>
    </message>
    <message>
        <source>A built-in rule cannot be changed: edit a copy</source>
        <translation>En innebygd regel kan ikke endres: rediger en kopi</translation>
    </message>
    <message>
        <source>A built-in rule: read only. “Copy to edit” makes your own version.</source>
        <translation>En innebygd regel: skrivebeskyttet. “Kopier for å redigere” lager din egen versjon.</translation>
    </message>
    <message>
        <source>A mail of my own (paste or load)</source>
        <translation>En e-post fra meg selv (lim inn eller last inn)</translation>
    </message>
    <message>
        <source>A new rule: not saved yet.</source>
        <translation>En ny regel: ikke lagret ennå.</translation>
    </message>
    <message>
        <source>Built in: copy it to make your own version</source>
        <translation>Innebygd: kopier den for å lage din egen versjon</translation>
    </message>
    <message>
        <source>Cop&amp;y to edit</source>
        <translation>Kop&amp;ier for å redigere</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-post</translation>
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
        <translation>Rett mønsteret for å se forhåndsvisningen.</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Skjema</translation>
    </message>
    <message>
        <source>Form rules</source>
        <translation>Skjemaregler</translation>
    </message>
    <message>
        <source>Is</source>
        <translation>Er</translation>
    </message>
    <message>
        <source>Label in the mail</source>
        <extracomment>the width of the &quot;Is&quot; column (a field&apos;s name)</extracomment>
        <translation>Etikett i e-posten</translation>
    </message>
    <message>
        <source>Live preview</source>
        <extracomment>the sample combo&apos;s entry for a mail of the founder&apos;s own</extracomment>
        <translation>Direkte forhåndsvisning</translation>
    </message>
    <message>
        <source>Load a saved mail</source>
        <translation>Last inn en lagret e-post</translation>
    </message>
    <message>
        <source>Mail (*.eml *.txt);;All files (*)</source>
        <translation>E-post (*.eml *.txt);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>One per line: a line starting with this ends the form (footer)</source>
        <translation>Én per linje: en linje som begynner med dette, avslutter skjemaet (bunntekst)</translation>
    </message>
    <message>
        <source>Only for labels not understood already (Navn, E-mail, Telefon, Besked, …)</source>
        <translation>Bare for etiketter som ikke allerede forstås (Navn, E-post, Telefon, Melding, …)</translation>
    </message>
    <message>
        <source>Paste a mail or load an .eml file to try the rule on it.</source>
        <translation>Lim inn en e-post, eller last inn en .eml-fil for å prøve regelen på den.</translation>
    </message>
    <message>
        <source>Paste a whole notification mail here, headers included (From:, Subject:)</source>
        <translation>Lim inn en hel varslings-e-post her, med hoder (From:, Subject:)</translation>
    </message>
    <message>
        <source>Patterns are globs (* and ?) matched against the whole address or subject, ignoring case; start with re: for a regular expression. A rule needs a sender or a subject pattern; with both, both must match.</source>
        <translation>Mønstre er jokertegn (* og ?) som sammenlignes med hele adressen eller emnet uten hensyn til store og små bokstaver; start med re: for et regulært uttrykk. En regel trenger et avsender- eller emnemønster; med begge må begge passe.</translation>
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
        <translation>Leses som</translation>
    </message>
    <message>
        <source>Remove label</source>
        <translation>Fjern etikett</translation>
    </message>
    <message>
        <source>Remove rule</source>
        <translation>Fjern regel</translation>
    </message>
    <message>
        <source>Remove the rule “%1”? Mail already imported stays as it is.</source>
        <translation>Fjerne regelen “%1”? E-post som allerede er importert, blir som den er.</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>S&amp;top at:</source>
        <translation>S&amp;topp ved:</translation>
    </message>
    <message>
        <source>Sample mail</source>
        <translation>Eksempel-e-post</translation>
    </message>
    <message>
        <source>Sample: %1</source>
        <translation>Eksempel: %1</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Lagre (Ctrl+S)</translation>
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
        <translation>E-posten kan ikke leses: %1</translation>
    </message>
    <message>
        <source>Type a sender or a subject pattern.</source>
        <translation>Skriv et avsender- eller emnemønster.</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Verdi</translation>
    </message>
    <message>
        <source>Web form rules</source>
        <extracomment>saves and removals run on the window&apos;s database lane, never on the GUI thread</extracomment>
        <translation>Regler for nettskjemaer</translation>
    </message>
    <message>
        <source>What the rule reads</source>
        <translation>Hva regelen leser</translation>
    </message>
    <message>
        <source>e.g. *@formspree.io or booking@shop.dk</source>
        <translation>f.eks. *@formspree.io eller booking@shop.no</translation>
    </message>
    <message>
        <source>e.g. Booking form</source>
        <translation>f.eks. Bestillingsskjema</translation>
    </message>
    <message>
        <source>e.g. New Entry: *   or   re:^Ny henvendelse</source>
        <translation>f.eks. New Entry: *   eller   re:^Ny henvendelse</translation>
    </message>
    <message>
        <source>optional: shown as the form&apos;s name</source>
        <translation>valgfritt: vises som skjemaets navn</translation>
    </message>
    <message>
        <source>the sender does not match</source>
        <translation>avsenderen passer ikke</translation>
    </message>
    <message>
        <source>the subject does not match</source>
        <translation>emnet passer ikke</translation>
    </message>
    <message>
        <source>✓ Matches — becomes a form inquiry from %1</source>
        <translation>✓ Passer — blir en skjemahenvendelse fra %1</translation>
    </message>
    <message>
        <source>✗ No match: %1</source>
        <translation>✗ Passer ikke: %1</translation>
    </message>
    <message>
        <source>✗ The mail matches, but no person could be read from it</source>
        <translation>✗ E-posten passer, men ingen person kunne leses ut av den</translation>
    </message>
</context>
<context>
    <name>FormsFeature</name>
    <message>
        <source>Form CSV imported: %1</source>
        <translation>Skjema-CSV importert: %1</translation>
    </message>
    <message>
        <source>Form rules saved; they apply to mail synced from now on</source>
        <translation>Skjemaregler lagret; de gjelder for e-post som synkroniseres fra nå av</translation>
    </message>
    <message>
        <source>Form submissions (&amp;CSV)…</source>
        <translation>Skjemainnsendinger (&amp;CSV)…</translation>
    </message>
    <message>
        <source>Import a CSV export of a web form</source>
        <translation>Importer en CSV-eksport fra et nettskjema</translation>
    </message>
    <message>
        <source>Web &amp;form rules…</source>
        <translation>Regler for &amp;nettskjemaer…</translation>
    </message>
    <message>
        <source>Which notification mails become form inquiries, with a live preview</source>
        <translation>Hvilke varslings-e-poster som blir skjemahenvendelser, med direkte forhåndsvisning</translation>
    </message>
</context>
<context>
    <name>GdprCounts</name>
    <message numerus="yes">
        <source>Customer %1 forgotten: %n message(s) deleted</source>
        <translation>
            <numerusform>Kunde %1 glemt: %n melding slettet</numerusform>
            <numerusform>Kunde %1 glemt: %n meldinger slettet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GdprFeature</name>
    <message>
        <source>(no name)</source>
        <extracomment>counted messages (&quot;%n … (s)&quot;): a context lupdate reads as plurals (soloservice/plurals.py)</extracomment>
        <translation>(uten navn)</translation>
    </message>
    <message>
        <source>Customer data not exported</source>
        <translation>Kundedata ble ikke eksportert</translation>
    </message>
    <message>
        <source>Customer data written to %1</source>
        <translation>Kundedata skrevet til %1</translation>
    </message>
    <message>
        <source>Delete this customer&apos;s personal data (the review&apos;s figures stay)</source>
        <translation>Slett kundens personopplysninger (tallene i gjennomgangen beholdes)</translation>
    </message>
    <message>
        <source>Everything about this customer as one JSON file</source>
        <translation>Alt om denne kunden i én JSON-fil</translation>
    </message>
    <message>
        <source>Export customer data</source>
        <translation>Eksporter kundedata</translation>
    </message>
    <message>
        <source>Export customer data…</source>
        <translation>Eksporter kundedata…</translation>
    </message>
    <message>
        <source>Export their data…</source>
        <extracomment>the card&apos;s two links; hidden while no customer is shown</extracomment>
        <translation>Eksporter kundens data…</translation>
    </message>
    <message>
        <source>Forget %1</source>
        <translation>Glem %1</translation>
    </message>
    <message>
        <source>Forget %1 for good?</source>
        <translation>Glemme %1 for godt?</translation>
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
        <translation>Beholdes uten tekst, så tallene i den ukentlige gjennomgangen ikke endres: %1 henvendelser (datoer, kanal, status), %2 svar på undersøkelser og %3 kompensasjoner.</translation>
    </message>
    <message>
        <source>Something went wrong; nothing was changed.

%1</source>
        <translation>Noe gikk galt; ingenting ble endret.

%1</translation>
    </message>
    <message>
        <source>This cannot be undone. Backups taken before now still hold the customer until they expire.</source>
        <translation>Dette kan ikke angres. Sikkerhetskopier tatt før nå inneholder fortsatt kunden til de utløper.</translation>
    </message>
    <message>
        <source>This deletes their name, notes, %1 contact details, %2 messages, %3 attachments, %4 stored mails and %5 unsent mails to them.</source>
        <translation>Dette sletter navn, notater, %1 kontaktopplysninger, %2 meldinger, %3 vedlegg, %4 lagrede e-poster og %5 usendte e-poster til kunden.</translation>
    </message>
</context>
<context>
    <name>GettingStarted</name>
    <message>
        <source>Connect your mailbox…</source>
        <translation>Koble til e-postkontoen din…</translation>
    </message>
    <message>
        <source>Done</source>
        <extracomment>the steps in the order shown: key, StartSteps attribute</extracomment>
        <translation>Ferdig</translation>
    </message>
    <message>
        <source>Entries from your website&apos;s contact form, exported as a CSV file.</source>
        <translation>Henvendelser fra nettstedets kontaktskjema, eksportert som CSV-fil.</translation>
    </message>
    <message>
        <source>Import a form export (CSV)…</source>
        <translation>Importer en skjemaeksport (CSV)…</translation>
    </message>
    <message>
        <source>Log a first call…</source>
        <translation>Registrer en første samtale…</translation>
    </message>
    <message>
        <source>Mail to your business address becomes inquiries with a reply promise.</source>
        <translation>E-post til virksomhetens adresse blir henvendelser med et svarløfte.</translation>
    </message>
    <message>
        <source>No inquiries yet. These steps bring your customers&apos; messages in; each can be done later.</source>
        <translation>Ingen henvendelser ennå. Disse stegene henter inn kundenes meldinger; hvert steg kan også gjøres senere.</translation>
    </message>
    <message>
        <source>Not done yet</source>
        <translation>Ikke gjort ennå</translation>
    </message>
    <message>
        <source>Phone calls you took, so call-backs get a promise too.</source>
        <translation>Samtaler du har tatt, så også tilbakeringinger får et løfte.</translation>
    </message>
    <message>
        <source>Promised reply times count only the hours you are open.</source>
        <translation>Lovede svartider teller bare timene du har åpent.</translation>
    </message>
    <message>
        <source>Set your business hours…</source>
        <translation>Angi åpningstidene dine…</translation>
    </message>
    <message>
        <source>Welcome to SoloService — what to do next</source>
        <translation>Velkommen til SoloService — dette gjør du nå</translation>
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
        <translation>&amp;Hurtigtaster</translation>
    </message>
    <message>
        <source>About SoloService</source>
        <translation>Om SoloService</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Hurtigtaster</translation>
    </message>
    <message>
        <source>One inbox for every customer inquiry and complaint.</source>
        <translation>Én innboks for alle kundehenvendelser og klager.</translation>
    </message>
    <message>
        <source>Open the &amp;data folder</source>
        <translation>Åpne &amp;datamappen</translation>
    </message>
    <message>
        <source>Your data: %1</source>
        <translation>Dataene dine: %1</translation>
    </message>
</context>
<context>
    <name>HoursPage</name>
    <message>
        <source>%1 – %2 (%3 days)</source>
        <translation>%1 – %2 (%3 dager)</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Legg til</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Fjern</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Tidssone:</translation>
    </message>
    <message>
        <source>An email received now (%1) is due %2.</source>
        <translation>En e-post mottatt nå (%1) skal besvares innen %2.</translation>
    </message>
    <message>
        <source>Closed on 24 &amp;December (Christmas Eve)</source>
        <translation>Stengt 24. &amp;desember (julaften)</translation>
    </message>
    <message>
        <source>Closes before it opens (00:00 means midnight).</source>
        <extracomment>offered first in the holiday list: where SoloService&apos;s founders mostly are</extracomment>
        <translation>Stenger før det åpner (00:00 betyr midnatt).</translation>
    </message>
    <message>
        <source>First closed day</source>
        <translation>Første stengte dag</translation>
    </message>
    <message>
        <source>Fix the hours above to see when replies are due.</source>
        <translation>Rett åpningstidene ovenfor for å se når svar må gis.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>Last closed day</source>
        <translation>Siste stengte dag</translation>
    </message>
    <message>
        <source>No public holidays</source>
        <translation>Ingen helligdager</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>Åpningstider</translation>
    </message>
    <message>
        <source>Pick a time zone from the list.</source>
        <translation>Velg en tidssone fra listen.</translation>
    </message>
    <message>
        <source>Public &amp;holidays:</source>
        <translation>&amp;Helligdager:</translation>
    </message>
    <message>
        <source>The business must be open on at least one day.</source>
        <translation>Firmaet må ha åpent minst én dag.</translation>
    </message>
    <message>
        <source>The last day is before the first.</source>
        <translation>Siste dag er før den første.</translation>
    </message>
    <message>
        <source>Unknown time zone.</source>
        <translation>Ukjent tidssone.</translation>
    </message>
    <message>
        <source>Vacation and other closed days</source>
        <translation>Ferie og andre stengte dager</translation>
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
        <translation>&amp;Last inn eksternt innhold for denne meldingen</translation>
    </message>
    <message numerus="yes">
        <source>Remote content loaded for this message (%n image(s)).</source>
        <translation>
            <numerusform>Eksternt innhold lastet inn for denne meldingen (%n bilde).</numerusform>
            <numerusform>Eksternt innhold lastet inn for denne meldingen (%n bilder).</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not load remote content: %1</source>
        <translation>Kunne ikke laste inn eksternt innhold: %1</translation>
    </message>
    <message>
        <source>Formatted message</source>
        <translation>Formatert melding</translation>
    </message>
    <message>
        <source>Formatted: %1</source>
        <translation>Formatert: %1</translation>
    </message>
    <message>
        <source>Loading remote content…</source>
        <translation>Laster inn eksternt innhold…</translation>
    </message>
    <message>
        <source>Remote images and content are blocked, so the sender cannot see that you opened the mail.</source>
        <translation>Eksterne bilder og innhold er blokkert, så avsenderen ikke kan se at du har åpnet e-posten.</translation>
    </message>
    <message>
        <source>This message has no formatted version.</source>
        <translation>Denne meldingen har ingen formatert versjon.</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>%1 older entries were marked as already answered.</source>
        <translation>%1 eldre henvendelser ble merket som allerede besvart.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Importforløp</translation>
    </message>
    <message>
        <source>Import summary</source>
        <translation>Importoversikt</translation>
    </message>
    <message>
        <source>Imported: %1 new inquiries.</source>
        <translation>Importert: %1 nye henvendelser.</translation>
    </message>
    <message>
        <source>Importing %1: %2 of %3 rows…</source>
        <translation>Importerer %1: %2 av %3 rader…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importerer %1…</translation>
    </message>
    <message>
        <source>Nothing new: every row was imported before.</source>
        <translation>Ingenting nytt: alle radene er importert før.</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Ingenting ble importert: %1</translation>
    </message>
    <message>
        <source>S&amp;top import</source>
        <translation>S&amp;topp import</translation>
    </message>
    <message>
        <source>Stop after the rows being stored now; what was imported is kept</source>
        <translation>Stopp etter radene som lagres nå; det som er importert, beholdes</translation>
    </message>
    <message>
        <source>Stopped: %1 of %2 rows were imported. Import the same file again to add the rest; rows already imported are skipped.</source>
        <translation>Stoppet: %1 av %2 rader ble importert. Importer den samme filen igjen for å legge til resten; rader som alt er importert, hoppes over.</translation>
    </message>
    <message>
        <source>Stopping after the rows being stored now…</source>
        <translation>Stopper etter radene som lagres nå…</translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <source>(unknown)</source>
        <translation>(ukjent)</translation>
    </message>
    <message>
        <source>Answer promised by %1</source>
        <translation>Svar lovet innen %1</translation>
    </message>
    <message>
        <source>At risk of a public complaint.</source>
        <translation>Fare for en offentlig klage.</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>Ring tilbake</translation>
    </message>
    <message>
        <source>Call back!</source>
        <translation>Ring tilbake!</translation>
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
        <translation>Forfalt med %1 (lovet %2)</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Mottatt</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Utsatt</translation>
    </message>
    <message>
        <source>Snoozed until %1</source>
        <translation>Utsatt til %1</translation>
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
        <translation>Misfornøyd med løsningen: ring tilbake innen 24 timer.</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Verdi</translation>
    </message>
    <message>
        <source>What the customer is worth over the years (lifetime value)</source>
        <translation>Hva kunden er verdt over årene (livstidsverdi)</translation>
    </message>
</context>
<context>
    <name>InboxTable</name>
    <message>
        <source>Inbox zero — nothing waiting</source>
        <translation>Tom innboks — ingenting venter</translation>
    </message>
    <message>
        <source>Inquiries</source>
        <extracomment>below this the subject column is not worth reading (&quot;Tha…&quot;)</extracomment>
        <translation>Henvendelser</translation>
    </message>
    <message>
        <source>No inquiries match “%1”</source>
        <translation>Ingen henvendelser passer til “%1”</translation>
    </message>
    <message>
        <source>Nothing due today</source>
        <translation>Ingenting med frist i dag</translation>
    </message>
    <message>
        <source>Nothing here</source>
        <translation>Ingenting her</translation>
    </message>
    <message>
        <source>Nothing overdue — every promise kept</source>
        <translation>Ingenting forfalt — alle løfter holdt</translation>
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
        <translation>&amp;Spørsmål</translation>
    </message>
    <message>
        <source>Mark as &amp;complaint</source>
        <translation>Merk som &amp;klage</translation>
    </message>
    <message>
        <source>Mark the inquiry as a complaint, or back to a question if it is one</source>
        <translation>Merk henvendelsen som en klage, eller tilbake til spørsmål hvis den er en klage</translation>
    </message>
    <message>
        <source>Marked #%1 as %2</source>
        <translation>Merket #%1 som %2</translation>
    </message>
</context>
<context>
    <name>MailAccountsDialog</name>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Legg til</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Visningsnavn:</translation>
    </message>
    <message>
        <source>&amp;Email address:</source>
        <translation>&amp;E-postadresse:</translation>
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
        <translation>&amp;Passord:</translation>
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
        <translation>&amp;Test tilkoblingen</translation>
    </message>
    <message>
        <source>&amp;Test connection (Ctrl+T)</source>
        <translation>&amp;Test tilkoblingen (Ctrl+T)</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Brukernavn:</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>An account cannot be renamed; add a new one and remove this one.</source>
        <translation>En konto kan ikke gis nytt navn; legg til en ny og fjern denne.</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>Tilkoblingen ble avvist</translation>
    </message>
    <message>
        <source>Enter the password for the account.</source>
        <translation>Skriv inn passordet for kontoen.</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Mislyktes</translation>
    </message>
    <message>
        <source>Host name not found (DNS)</source>
        <translation>Servernavnet ble ikke funnet (DNS)</translation>
    </message>
    <message>
        <source>I understand: the password and mail travel &amp;unencrypted</source>
        <translation>Jeg forstår: passord og e-post sendes &amp;ukryptert</translation>
    </message>
    <message>
        <source>Keep it for this &amp;session only (ask again later)</source>
        <translation>Behold det bare i denne &amp;økten (spør igjen senere)</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Siste synkronisering: %1</translation>
    </message>
    <message>
        <source>Leave at &apos;default&apos; for the usual port of the security chosen</source>
        <translation>La stå på &apos;standard&apos; for den vanlige porten til valgt sikkerhet</translation>
    </message>
    <message>
        <source>Login failed — check the user name and password</source>
        <translation>Innlogging mislyktes — sjekk brukernavn og passord</translation>
    </message>
    <message>
        <source>Mail accounts</source>
        <extracomment>accounts were added, changed or removed a connection test finished (list of CheckResult) — tests wait on it</extracomment>
        <translation>E-postkontoer</translation>
    </message>
    <message>
        <source>New account: fill in the form and save.</source>
        <translation>Ny konto: fyll ut skjemaet og lagre.</translation>
    </message>
    <message>
        <source>No answer (timeout)</source>
        <translation>Ikke noe svar (tidsavbrudd)</translation>
    </message>
    <message>
        <source>None — unencrypted</source>
        <translation>Ingen — ukryptert</translation>
    </message>
    <message>
        <source>Passwords are saved in the system keyring (%1).</source>
        <translation>Passord lagres i systemets nøkkelring (%1).</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>&amp;Fjern…</translation>
    </message>
    <message>
        <source>Read from the environment variable %1 at each sync.</source>
        <translation>Leses fra miljøvariabelen %1 ved hver synkronisering.</translation>
    </message>
    <message>
        <source>Rejected by the server</source>
        <translation>Avvist av serveren</translation>
    </message>
    <message>
        <source>Remove mail account</source>
        <translation>Fjern e-postkonto</translation>
    </message>
    <message>
        <source>Remove the account %1 and its stored password? Mail already fetched stays in the inbox; no new mail is fetched from it.</source>
        <translation>Fjerne kontoen %1 og det lagrede passordet? E-post som allerede er hentet, blir værende i innboksen; ingen ny e-post hentes fra den.</translation>
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
        <translation>&amp;Lagre</translation>
    </message>
    <message>
        <source>Save it in a &amp;file only you can read (0600)</source>
        <translation>Lagre det i en &amp;fil bare du kan lese (0600)</translation>
    </message>
    <message>
        <source>Save the account (Ctrl+S)</source>
        <translation>Lagre kontoen (Ctrl+S)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 lagret</translation>
    </message>
    <message>
        <source>Saves changes first, then logs in to both servers</source>
        <translation>Lagrer endringene først og logger deretter inn på begge serverne</translation>
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
        <translation>Problem med TLS/sertifikat</translation>
    </message>
    <message>
        <source>Testing %1 — connecting to both servers…</source>
        <translation>Tester %1 — kobler til begge serverne…</translation>
    </message>
    <message>
        <source>The name customers see, e.g. Butikken</source>
        <extracomment>the name of the account in the form; None: a new one</extracomment>
        <translation>Navnet kundene ser, f.eks. Butikken</translation>
    </message>
    <message>
        <source>This machine has no system keyring (%1), so the password cannot be saved there. Keep it for this session only, or save it in a file in your data folder that only your user can read.</source>
        <translation>Denne maskinen har ingen systemnøkkelring (%1), så passordet kan ikke lagres der. Behold det bare i denne økten, eller lagre det i en fil i datamappen din som bare brukeren din kan lese.</translation>
    </message>
    <message>
        <source>Unencrypted connections need the tick under the servers; or choose SSL/TLS or STARTTLS.</source>
        <translation>Ukrypterte tilkoblinger krever avkrysningen under serverne; eller velg SSL/TLS eller STARTTLS.</translation>
    </message>
    <message>
        <source>Unexpected answer</source>
        <translation>Uventet svar</translation>
    </message>
    <message>
        <source>Where the password is kept</source>
        <translation>Hvor passordet oppbevares</translation>
    </message>
    <message>
        <source>default</source>
        <translation>standard</translation>
    </message>
    <message>
        <source>e.g. Sent — a copy of each reply goes here</source>
        <translation>f.eks. Sendt — en kopi av hvert svar legges her</translation>
    </message>
    <message>
        <source>port</source>
        <translation>port</translation>
    </message>
    <message>
        <source>the password is in a file only you can read</source>
        <translation>passordet ligger i en fil bare du kan lese</translation>
    </message>
    <message>
        <source>the password is in the system keyring</source>
        <translation>passordet ligger i systemets nøkkelring</translation>
    </message>
    <message>
        <source>the password is kept until you quit SoloService</source>
        <translation>passordet huskes til du avslutter SoloService</translation>
    </message>
    <message>
        <source>unchanged — type to replace</source>
        <translation>uendret — skriv for å erstatte</translation>
    </message>
</context>
<context>
    <name>MailFeature</name>
    <message>
        <source>&amp;Mail accounts…</source>
        <translation>&amp;E-postkontoer…</translation>
    </message>
    <message>
        <source>&amp;Quarantined mail…</source>
        <translation>E-post i &amp;karantene…</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>&amp;Svar</translation>
    </message>
    <message>
        <source>Add, change or test mail accounts</source>
        <translation>Legg til, endre eller test e-postkontoer</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Vedlegg</translation>
    </message>
    <message>
        <source>Attachments (%1)</source>
        <translation>Vedlegg (%1)</translation>
    </message>
    <message>
        <source>Mail that could not be read</source>
        <translation>E-post som ikke kunne leses</translation>
    </message>
    <message>
        <source>Reply</source>
        <extracomment>IDLE starts after the first sync; off with SOLOSERVICE_NO_IDLE=1 (tests set it False so that only a test that asks for IDLE gets its threads)</extracomment>
        <translation>Svar</translation>
    </message>
    <message>
        <source>Send &amp;outbox now</source>
        <translation>Send &amp;utboksen nå</translation>
    </message>
    <message>
        <source>Send replies waiting in the outbox</source>
        <translation>Send svar som venter i utboksen</translation>
    </message>
    <message>
        <source>Show &amp;formatted mail…</source>
        <translation>Vis for&amp;matert e-post…</translation>
    </message>
    <message>
        <source>The HTML version, remote images blocked</source>
        <translation>HTML-versjonen med eksterne bilder blokkert</translation>
    </message>
    <message>
        <source>Write a reply to this inquiry</source>
        <translation>Skriv et svar på denne henvendelsen</translation>
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
        <translation>%1 i karantene (Verktøy &gt; E-post i karantene)</translation>
    </message>
    <message>
        <source>&amp;Mail accounts…</source>
        <translation>&amp;E-postkontoer…</translation>
    </message>
    <message>
        <source>Checking mail…</source>
        <translation>Sjekker e-post…</translation>
    </message>
    <message>
        <source>Fetching %1 of %2…</source>
        <translation>Henter %1 av %2…</translation>
    </message>
    <message>
        <source>Mail account “%1” is not synced: no password entered. Enter it in Tools &gt; Mail accounts…, or restart SoloService.</source>
        <translation>E-postkontoen «%1» synkroniseres ikke: ikke noe passord er skrevet inn. Skriv det inn under Verktøy &gt; E-postkontoer…, eller start SoloService på nytt.</translation>
    </message>
    <message>
        <source>Mail problems</source>
        <translation>E-postproblemer</translation>
    </message>
    <message>
        <source>Mail sync failed — see the warning</source>
        <translation>E-postsynkronisering mislyktes — se advarselen</translation>
    </message>
    <message>
        <source>Mail sync progress</source>
        <extracomment>a sync finished (list[SyncSummary]) the outbox was worked through (OutboxResult) — composers refresh their outbox state the founder asked to fix an account from the error details syncs asked for while one was running (None: every account); run right after it accounts whose password was asked for this run (asked once per run, not per sync) accounts the founder chose not to enter a password for this run</extracomment>
        <translation>Fremdrift for e-postsynkronisering</translation>
    </message>
    <message numerus="yes">
        <source>%n added to conversation(s)</source>
        <translation>
            <numerusform>%n lagt til i en samtale</numerusform>
            <numerusform>%n lagt til i samtaler</numerusform>
        </translation>
    </message>
    <message>
        <source>Mail: %1</source>
        <translation>E-post: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s), see the warning</source>
        <translation>
            <numerusform>%n problem, se advarselen</numerusform>
            <numerusform>%n problemer, se advarselen</numerusform>
        </translation>
    </message>
    <message>
        <source>Mail: check the password</source>
        <translation>E-post: sjekk passordet</translation>
    </message>
    <message>
        <source>Mail: problem</source>
        <translation>E-post: problem</translation>
    </message>
    <message>
        <source>No new mail</source>
        <translation>Ingen ny e-post</translation>
    </message>
    <message>
        <source>No problems any more.</source>
        <translation>Ingen problemer lenger.</translation>
    </message>
    <message>
        <source>Sending the outbox failed: %1</source>
        <translation>Sending av utboksen mislyktes: %1</translation>
    </message>
    <message>
        <source>Sent %1 waiting repl(ies) from the outbox</source>
        <translation>%1 ventende svar sendt fra utboksen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Stop fetching mail (what was fetched is kept)</source>
        <translation>Stopp henting av e-post (det som er hentet, beholdes)</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Stopper…</translation>
    </message>
    <message>
        <source>The last mail sync could not finish for every account. Mail already fetched is safe; the next sync tries again.</source>
        <translation>Den siste e-postsynkroniseringen kunne ikke fullføres for alle kontoer. E-post som allerede er hentet, er trygg; neste synkronisering prøver igjen.</translation>
    </message>
    <message>
        <source>another sync was running — skipped</source>
        <translation>en annen synkronisering pågikk — hoppet over</translation>
    </message>
    <message>
        <source>stopped — the rest comes next time</source>
        <translation>stoppet — resten kommer neste gang</translation>
    </message>
</context>
<context>
    <name>MailboxPage</name>
    <message>
        <source>&amp;Email address:</source>
        <translation>&amp;E-postadresse:</translation>
    </message>
    <message>
        <source>&amp;Incoming (IMAP):</source>
        <translation>&amp;Innkommende (IMAP):</translation>
    </message>
    <message>
        <source>&amp;Outgoing (SMTP):</source>
        <translation>&amp;Utgående (SMTP):</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passord:</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Test tilkoblingen</translation>
    </message>
    <message>
        <source>Connecting to both servers…</source>
        <translation>Kobler til begge serverne…</translation>
    </message>
    <message>
        <source>Mail to your business address becomes inquiries. Leave the address empty to do this later in Tools &gt; Mail accounts…</source>
        <translation>E-post til virksomhetens adresse blir henvendelser. La adressen stå tom for å gjøre dette senere under Verktøy &gt; E-postkontoer…</translation>
    </message>
    <message>
        <source>Remember the password in a file only I can read (0600)</source>
        <translation>Husk passordet i en fil bare jeg kan lese (0600)</translation>
    </message>
    <message>
        <source>User &amp;name:</source>
        <translation>&amp;Brukernavn:</translation>
    </message>
    <message>
        <source>Usually the address itself</source>
        <translation>Vanligvis selve adressen</translation>
    </message>
    <message>
        <source>Your mailbox (optional)</source>
        <extracomment>a connection test finished (list of CheckResult, empty when it could not run)</extracomment>
        <translation>E-postkontoen din (valgfritt)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>%1 open · %2 overdue · %3 due today</source>
        <extracomment>the side panel&apos;s tabs (customer, remedies, follow-up, attachments) the panes get their first sizes when the window is first shown at its real size, unless sizes the founder chose were restored from ui.ini the features&apos; menus, panels and shortcuts: after the first page is on the screen when ``defer_features`` (the app), else now; ``ensure_features`` finishes at once</extracomment>
        <translation>%1 åpne · %2 forfalt · %3 med frist i dag</translation>
    </message>
    <message>
        <source>%1 — Undo with Ctrl+Z</source>
        <translation>%1 — angre med Ctrl+Z</translation>
    </message>
    <message>
        <source>Created #%1</source>
        <translation>#%1 opprettet</translation>
    </message>
    <message>
        <source>Every word of every message, the subject and the customer&apos;s name, email, phone and handles. Results appear as you type.
&quot;two words&quot; finds a phrase · from:name only the customer · channel:email, form, phone, facebook, instagram, x or social · #123 case 123</source>
        <translation>Hvert ord i hver melding, emnet og kundens navn, e-post, telefon og brukernavn. Resultatene vises mens du skriver.
&quot;to ord&quot; finner en frase · from:navn bare kunden · channel:email, form, phone, facebook, instagram, x eller social · #123 sak 123</translation>
    </message>
    <message>
        <source>In 3 hours</source>
        <translation>Om 3 timer</translation>
    </message>
    <message>
        <source>Logged call #%1</source>
        <translation>Samtale registrert #%1</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Neste uke</translation>
    </message>
    <message>
        <source>Pick a date and time…</source>
        <translation>Velg dato og klokkeslett…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Søk</translation>
    </message>
    <message>
        <source>Search every message, name, number or email…  (Ctrl+F)</source>
        <extracomment>how long typing pauses before the search runs</extracomment>
        <translation>Søk i alle meldinger, navn, numre og e-poster…  (Ctrl+F)</translation>
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
            <numerusform>%1: %n henvendelse — velg en visning til venstre for å gå tilbake</numerusform>
            <numerusform>%1: %n henvendelser — velg en visning til venstre for å gå tilbake</numerusform>
        </translation>
    </message>
    <message>
        <source>That did not work</source>
        <translation>Det gikk ikke</translation>
    </message>
    <message>
        <source>Tomorrow morning</source>
        <translation>I morgen tidlig</translation>
    </message>
    <message>
        <source>Wake up now</source>
        <translation>Vekk nå</translation>
    </message>
    <message>
        <source>not in this view (%1)</source>
        <translation>ikke i denne visningen (%1)</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-post:</translation>
    </message>
    <message>
        <source>&amp;Keep these other columns with the message:</source>
        <translation>&amp;Behold disse andre kolonnene sammen med meldingen:</translation>
    </message>
    <message>
        <source>&amp;Last name (if split):</source>
        <translation>&amp;Etternavn (hvis delt):</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Melding:</translation>
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
        <translation>Slik du koblet “%1” forrige gang.</translation>
    </message>
    <message>
        <source>Choose at least the name, email or phone column: who wrote it.</source>
        <translation>Velg minst kolonnen med navn, e-post eller telefon: hvem som skrev det.</translation>
    </message>
    <message>
        <source>Guessed from the column names; change what is wrong.</source>
        <translation>Gjettet ut fra kolonnenavnene; rett det som er feil.</translation>
    </message>
    <message>
        <source>Other columns to keep</source>
        <translation>Andre kolonner som skal beholdes</translation>
    </message>
    <message>
        <source>Remembered from the last import of this form.</source>
        <translation>Husket fra forrige import av dette skjemaet.</translation>
    </message>
    <message>
        <source>Sent &amp;at:</source>
        <translation>Sendt &amp;den:</translation>
    </message>
    <message>
        <source>They are listed below the message as “Column: value”.</source>
        <translation>De vises under meldingen som “Kolonne: verdi”.</translation>
    </message>
    <message>
        <source>Which column holds what</source>
        <translation>Hvilken kolonne inneholder hva</translation>
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
        <translation>&amp;Hold atskilt</translation>
    </message>
    <message>
        <source>&amp;Merge them</source>
        <translation>&amp;Slå dem sammen</translation>
    </message>
    <message>
        <source>Give %1 back their own inquiries</source>
        <translation>Gi %1 sine egne henvendelser tilbake</translation>
    </message>
    <message>
        <source>Make them one customer (asks first; can be undone)</source>
        <translation>Gjør dem til én kunde (spør først; kan angres)</translation>
    </message>
    <message>
        <source>Merge these two customers into one?

Keeps: %1 (inquiries: %3)
    %2

Merged in: %4 (inquiries: %6)
    %5

Every inquiry and message is kept. You can un-merge later from the card.</source>
        <translation>Slå sammen disse to kundene til én?

Beholdes: %1 (henvendelser: %3)
    %2

Slås inn: %4 (henvendelser: %6)
    %5

Alle henvendelser og meldinger beholdes. Du kan skille dem igjen senere fra kundekortet.</translation>
    </message>
    <message>
        <source>Merged from %1 (%2 inquiries)</source>
        <translation>Slått sammen fra %1 (%2 henvendelser)</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Slå sammen…</translation>
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
        <translation>Skill ad</translation>
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
        <translation>Adresse, nummer eller brukernavn (valgfritt)</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>K&amp;anal:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Opprett</translation>
    </message>
    <message>
        <source>Create the inquiry (Ctrl+Enter)</source>
        <translation>Opprett henvendelsen (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>Kundens navn</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-post</translation>
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
        <translation>Kort sammendrag (valgfritt: hentes fra teksten)</translation>
    </message>
    <message>
        <source>Type a subject or the text of the inquiry.</source>
        <translation>Skriv et emne eller teksten i henvendelsen.</translation>
    </message>
    <message>
        <source>What the customer wrote or said</source>
        <translation>Hva kunden skrev eller sa</translation>
    </message>
    <message>
        <source>Who is it from? Type a name or how to reach them.</source>
        <translation>Hvem er den fra? Skriv et navn eller hvordan de kan nås.</translation>
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
        <translation>&amp;Passord:</translation>
    </message>
    <message>
        <source>&amp;Remember in a file only I can read (secrets.json, 0600)</source>
        <translation>&amp;Husk i en fil bare jeg kan lese (secrets.json, 0600)</translation>
    </message>
    <message>
        <source>&amp;Skip</source>
        <translation>&amp;Hopp over</translation>
    </message>
    <message>
        <source>&amp;Use this password</source>
        <translation>&amp;Bruk dette passordet</translation>
    </message>
    <message>
        <source>Don&apos;t fetch mail for this account until the next start</source>
        <translation>Ikke hent e-post for denne kontoen før neste oppstart</translation>
    </message>
    <message>
        <source>Kept in %1, readable only by your user account; not encrypted.</source>
        <translation>Lagres i %1, som bare brukerkontoen din kan lese; ikke kryptert.</translation>
    </message>
    <message>
        <source>Mail password</source>
        <translation>E-postpassord</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passord</translation>
    </message>
    <message>
        <source>SoloService needs the password of the mail account “%1” (%2 on %3) to fetch and send its mail.</source>
        <translation>SoloService trenger passordet til e-postkontoen «%1» (%2 på %3) for å hente og sende e-posten.</translation>
    </message>
    <message>
        <source>This computer has no keyring to keep passwords in, so SoloService asks once each time it starts.</source>
        <translation>Denne datamaskinen har ingen nøkkelring for passord, så SoloService spør én gang ved hver oppstart.</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>%1 columns; the first %2 rows are shown.</source>
        <translation>%1 kolonner; de første %2 radene vises.</translation>
    </message>
    <message>
        <source>Columns separated by %1, text read as %2. Does this look right?</source>
        <translation>Kolonner skilt med %1, tekst lest som %2. Ser det riktig ut?</translation>
    </message>
    <message>
        <source>First rows of the file</source>
        <translation>De første radene i filen</translation>
    </message>
    <message>
        <source>The first rows</source>
        <translation>De første radene</translation>
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
        <translation> arbeidstimer</translation>
    </message>
    <message>
        <source>&amp;Acknowledge new email and web-form inquiries automatically</source>
        <translation>&amp;Kvitter automatisk for nye henvendelser på e-post og nettskjema</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-post:</translation>
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
        <translation>&amp;Tilbakeringing:</translation>
    </message>
    <message>
        <source>&amp;Web form:</source>
        <translation>&amp;Nettskjema:</translation>
    </message>
    <message>
        <source>&amp;X:</source>
        <translation>&amp;X:</translation>
    </message>
    <message>
        <source>A reply (mail, social, a logged call-back) keeps the promise: the case leaves Due today and Overdue until the customer writes again, and a new promise runs from that message.</source>
        <translation>Et svar (e-post, sosiale medier, en registrert tilbakeringing) holder løftet: saken forlater Frist i dag og Forfalt til kunden skriver igjen, og da løper et nytt løfte fra den meldingen.</translation>
    </message>
    <message>
        <source>After I &amp;reply:</source>
        <translation>Når jeg har &amp;svart:</translation>
    </message>
    <message>
        <source>How many business hours until the customer hears from you. People gladly wait when they are told how long.</source>
        <translation>Hvor mange arbeidstimer det tar før kunden hører fra deg. Folk venter gjerne når de får vite hvor lenge.</translation>
    </message>
    <message>
        <source>Stays open</source>
        <translation>Forblir åpen</translation>
    </message>
    <message>
        <source>The acknowledgement states the promised time in the customer&apos;s language. It does not count as the reply.</source>
        <translation>Kvitteringen oppgir den lovede tiden på kundens språk. Den teller ikke som svaret.</translation>
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
        <translation>Spør noen få kunder hver måned hvor sannsynlig det er at de vil anbefale deg</translation>
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
        <translation>&amp;Prøv igjen</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(uten emne)</translation>
    </message>
    <message>
        <source>Auto-reply / bounce</source>
        <translation>Autosvar / returpost</translation>
    </message>
    <message>
        <source>Could not be read</source>
        <translation>Kunne ikke leses</translation>
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
        <translation>Det er e-post fra en &amp;kunde</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Let in: %1</source>
        <translation>Sluppet inn: %1</translation>
    </message>
    <message>
        <source>Mail files (*.eml)</source>
        <translation>E-postfiler (*.eml)</translation>
    </message>
    <message>
        <source>Mail that did not become a customer message. Nothing here is lost: read the source, try it again, or let it in as a customer&apos;s mail.</source>
        <translation>E-post som ikke ble en kundemelding. Ingenting her går tapt: les kilden, prøv igjen, eller slipp den inn som e-post fra en kunde.</translation>
    </message>
    <message>
        <source>No quarantined mail — everything fetched was understood.</source>
        <translation>Ingen e-post i karantene — alt som ble hentet, ble forstått.</translation>
    </message>
    <message>
        <source>Not an auto-reply: make it an inquiry (or add it to its conversation)</source>
        <translation>Ikke et autosvar: gjør den til en henvendelse (eller legg den til i samtalen)</translation>
    </message>
    <message>
        <source>Quarantined mail</source>
        <translation>E-post i karantene</translation>
    </message>
    <message>
        <source>Raw source</source>
        <translation>Råkilde</translation>
    </message>
    <message>
        <source>Read the mail again with the current parser</source>
        <translation>Les e-posten på nytt med gjeldende tolker</translation>
    </message>
    <message>
        <source>Reading the mail again…</source>
        <translation>Leser e-posten på nytt…</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Årsak</translation>
    </message>
    <message>
        <source>Save .&amp;eml…</source>
        <translation>Lagre .&amp;eml…</translation>
    </message>
    <message>
        <source>Save mail</source>
        <translation>Lagre e-post</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Lagret i %1</translation>
    </message>
    <message>
        <source>Still not readable (%1) — it stays here.</source>
        <translation>Fortsatt ikke lesbar (%1) — den blir her.</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Emne</translation>
    </message>
    <message>
        <source>The raw source of the selected mail shows here.</source>
        <translation>Råkilden til den valgte e-posten vises her.</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>Hvorfor: %1</translation>
    </message>
    <message>
        <source>[… %1 more bytes; save the .eml to see everything]</source>
        <translation>[… %1 byte til; lagre .eml-filen for å se alt]</translation>
    </message>
</context>
<context>
    <name>QuickCaptureDialog</name>
    <message>
        <source>&amp;Capture  (Ctrl+Enter)</source>
        <translation>&amp;Registrer  (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Kanal:</translation>
    </message>
    <message>
        <source>&amp;Handle:</source>
        <translation>&amp;Brukernavn:</translation>
    </message>
    <message>
        <source>&amp;Link:</source>
        <translation>&amp;Lenke:</translation>
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
        <translation>&amp;Spørsmål</translation>
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
        <translation>@brukernavn eller profillenke</translation>
    </message>
    <message>
        <source>Captured as #%1</source>
        <translation>Registrert som #%1</translation>
    </message>
    <message>
        <source>Co&amp;mplaint</source>
        <translation>K&amp;lage</translation>
    </message>
    <message>
        <source>Email (forwarded, printed…)</source>
        <translation>E-post (videresendt, utskrevet…)</translation>
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
        <translation>Meldingstekst</translation>
    </message>
    <message>
        <source>Paste the comment, review or message here (Ctrl+V)</source>
        <translation>Lim inn kommentaren, anmeldelsen eller meldingen her (Ctrl+V)</translation>
    </message>
    <message>
        <source>Phone / text message</source>
        <translation>Telefon / SMS</translation>
    </message>
    <message>
        <source>Quick capture</source>
        <translation>Hurtigregistrering</translation>
    </message>
    <message>
        <source>Review site / web / other</source>
        <translation>Anmeldelsesside / nett / annet</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Lagrer…</translation>
    </message>
    <message>
        <source>X (Twitter)</source>
        <translation>X (Twitter)</translation>
    </message>
    <message>
        <source>e.g. Trustpilot, Google review, letter</source>
        <translation>f.eks. Trustpilot, Google-anmeldelse, brev</translation>
    </message>
    <message>
        <source>email, phone number or name (optional if the name is given)</source>
        <translation>e-post, telefonnummer eller navn (valgfritt hvis navnet er oppgitt)</translation>
    </message>
    <message>
        <source>optional: as the person signs</source>
        <translation>valgfritt: slik personen signerer</translation>
    </message>
    <message>
        <source>optional: link to the post or review</source>
        <translation>valgfritt: lenke til innlegget eller anmeldelsen</translation>
    </message>
</context>
<context>
    <name>RemediesFeature</name>
    <message>
        <source>Add &amp;remedy…</source>
        <translation>Legg til kom&amp;pensasjon…</translation>
    </message>
    <message>
        <source>Record what was done to make it right, and what it cost</source>
        <translation>Registrer hva som ble gjort for å rette det opp, og hva det kostet</translation>
    </message>
    <message>
        <source>Remedies</source>
        <translation>Kompensasjoner</translation>
    </message>
</context>
<context>
    <name>ReplyComposer</name>
    <message>
        <source>%1 has no email address — add one on the customer card to reply.</source>
        <translation>%1 har ingen e-postadresse — legg til en på kundekortet for å svare.</translation>
    </message>
    <message>
        <source>&amp;Attach…</source>
        <translation>&amp;Legg ved…</translation>
    </message>
    <message>
        <source>&amp;Delete the reply</source>
        <translation>&amp;Slett svaret</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Fra:</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>&amp;Fortsett å skrive</translation>
    </message>
    <message>
        <source>&amp;Keep it</source>
        <translation>&amp;Behold det</translation>
    </message>
    <message>
        <source>&amp;Quote</source>
        <translation>&amp;Siter</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Send</translation>
    </message>
    <message>
        <source>&amp;Send anyway</source>
        <translation>&amp;Send likevel</translation>
    </message>
    <message>
        <source>(last error: %1)</source>
        <translation>(siste feil: %1)</translation>
    </message>
    <message>
        <source>A template left these empty: %1.</source>
        <translation>En mal lot disse stå tomme: %1.</translation>
    </message>
    <message>
        <source>Added below your text</source>
        <translation>Legges til under teksten din</translation>
    </message>
    <message>
        <source>Added below your text when the reply is sent</source>
        <translation>Legges til under teksten din når svaret sendes</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Legg ved filer</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Vedlegg</translation>
    </message>
    <message>
        <source>Cancel sending…</source>
        <translation>Avbryt sending…</translation>
    </message>
    <message>
        <source>&amp;Mark as sent</source>
        <translation>&amp;Merk som sendt</translation>
    </message>
    <message>
        <source>The customer has it: record it as sent without sending it again</source>
        <translation>Kunden har fått den: registrer den som sendt uten å sende den på nytt</translation>
    </message>
    <message>
        <source>May have been sent: an earlier attempt was interrupted. Retry sends it again, Mark as sent records it as sent; it is never sent or deleted on its own.</source>
        <translation>Kan ha blitt sendt: et tidligere forsøk ble avbrutt. Prøv igjen sender den på nytt, Merk som sendt registrerer den som sendt; den blir aldri sendt eller slettet av seg selv.</translation>
    </message>
    <message>
        <source>Recorded as sent</source>
        <translation>Registrert som sendt</translation>
    </message>
    <message>
        <source>Cancel this reply?</source>
        <translation>Avbryte dette svaret?</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>In the outbox — queued %1</source>
        <translation>I utboksen — lagt i kø %1</translation>
    </message>
    <message>
        <source>In the outbox — will retry at %1</source>
        <translation>I utboksen — prøver igjen %1</translation>
    </message>
    <message>
        <source>Kept: this reply may have reached the customer already</source>
        <translation>Beholdt: svaret kan allerede ha nådd kunden</translation>
    </message>
    <message>
        <source>No mail account yet: add one under Tools &gt; Mail accounts (Ctrl+Shift+M).</source>
        <translation>Ingen e-postkonto ennå: legg til en under Verktøy &gt; E-postkontoer (Ctrl+Shift+M).</translation>
    </message>
    <message>
        <source>Not sent, your text is still here: %1</source>
        <translation>Ikke sendt, teksten din er her fortsatt: %1</translation>
    </message>
    <message>
        <source>Pick an inquiry to reply to it.</source>
        <translation>Velg en henvendelse for å svare på den.</translation>
    </message>
    <message>
        <source>Queuing…</source>
        <translation>Legger i kø…</translation>
    </message>
    <message>
        <source>Quote the customer&apos;s last message below your reply</source>
        <translation>Siter kundens siste melding under svaret ditt</translation>
    </message>
    <message>
        <source>Refused by the server, not retried by itself (last error: %1)</source>
        <translation>Avvist av serveren, prøves ikke igjen automatisk (siste feil: %1)</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>Fjern vedlegg</translation>
    </message>
    <message>
        <source>Replies keep the subject and case tag so they land in the customer&apos;s thread</source>
        <translation>Svar beholder emnet og saksmerket, slik at de havner i kundens tråd</translation>
    </message>
    <message>
        <source>Replies to phone and social inquiries are not sent from here: log the call with Log call (Ctrl+L), or answer on the Social tab.</source>
        <translation>Svar på telefon- og sosiale henvendelser sendes ikke herfra: registrer samtalen med Registrer samtale (Ctrl+L), eller svar i fanen Sosiale medier.</translation>
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
        <translation>Prøv igjen &amp;nå</translation>
    </message>
    <message>
        <source>Send it anyway?</source>
        <translation>Sende det likevel?</translation>
    </message>
    <message>
        <source>Send the reply (Ctrl+Return)</source>
        <translation>Send svaret (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Send this reply?</source>
        <translation>Sende dette svaret?</translation>
    </message>
    <message>
        <source>Sending failed (%1); the reply waits in the outbox</source>
        <translation>Sending mislyktes (%1); svaret venter i utboksen</translation>
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
        <translation>Kontoen e-posten kom til</translation>
    </message>
    <message>
        <source>The account the reply is sent from</source>
        <translation>Kontoen svaret sendes fra</translation>
    </message>
    <message>
        <source>The customer</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>The reply waits in the outbox and is retried automatically</source>
        <translation>Svaret venter i utboksen og prøves igjen automatisk</translation>
    </message>
    <message>
        <source>The text still contains “%1” where something should be filled in.</source>
        <translation>Teksten inneholder fortsatt “%1” der noe skal fylles inn.</translation>
    </message>
    <message>
        <source>The unsent reply is deleted and will not be sent:

%1</source>
        <translation>Det usendte svaret slettes og blir ikke sendt:

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
        <translation>Skriv noe først.</translation>
    </message>
    <message>
        <source>Write your reply… (Ctrl+Return sends; type above to insert a template)</source>
        <translation>Skriv svaret ditt… (Ctrl+Return sender; skriv ovenfor for å sette inn en mal)</translation>
    </message>
    <message>
        <source>Your draft could not be saved to disk (%1); it is still here.</source>
        <extracomment>how long typing pauses before the drafts are written to disk</extracomment>
        <translation>Utkastet ditt kunne ikke lagres på disken (%1); det er fortsatt her.</translation>
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
        <translation>  av det fra standardverdien</translation>
    </message>
    <message>
        <source> — not checked for over a week</source>
        <translation> — ikke sjekket på over en uke</translation>
    </message>
    <message>
        <source>&quot;Are you satisfied?&quot; checks sent this week.</source>
        <translation>&quot;Er du fornøyd?&quot;-spørsmål sendt denne uken.</translation>
    </message>
    <message>
        <source>% promoters (9-10) minus % detractors (0-6) of this week&apos;s answers.</source>
        <translation>% ambassadører (9-10) minus % kritikere (0-6) blant ukens svar.</translation>
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
        <translation>%1 % fornøyde etterpå (%2 svar).</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 dager</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 t</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 to %2 · figures as of %3</source>
        <translation>%1 til %2 · tall per %3</translation>
    </message>
    <message>
        <source>%1 wrote again since.</source>
        <translation>%1 har skrevet igjen siden.</translation>
    </message>
    <message>
        <source>%1 — likely %2–%5 unhappy customers who said nothing (at most %5: all your other customers of the %4 on record; the rule of thumb says up to %3)</source>
        <translation>%1 — sannsynligvis %2–%5 misfornøyde kunder som ikke sa noe (høyst %5: alle de andre kundene dine av de %4 registrerte; tommelfingerregelen sier opptil %3)</translation>
    </message>
    <message>
        <source>%1 — the rule of thumb says %2–%3 silent unhappy customers, but all %4 of your customers on record have complained: none is left who said nothing</source>
        <translation>%1 — tommelfingerregelen sier %2–%3 tause misfornøyde kunder, men alle de %4 registrerte kundene dine har klaget: det er ingen igjen som ikke sa noe</translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s) — likely %2–%3 unhappy customers who said nothing</source>
        <translation>
            <numerusform>%n klage — trolig %2–%3 misfornøyde kunder som ikke sa noe</numerusform>
            <numerusform>%n klager — trolig %2–%3 misfornøyde kunder som ikke sa noe</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — the rule of thumb says %2–%3 silent unhappy customers, but you have %4 customers on record: at most %5 (all your other customers)</source>
        <translation>%1 — tommelfingerregelen sier %2–%3 tause misfornøyde kunder, men du har %4 registrerte kunder: høyst %5 (alle de andre kundene dine)</translation>
    </message>
    <message>
        <source>%1: NPS %2 from %3 answers</source>
        <translation>%1: NPS %2 fra %3 svar</translation>
    </message>
    <message>
        <source>%1: no answers yet</source>
        <translation>%1: ingen svar ennå</translation>
    </message>
    <message>
        <source>%2 of it rests on %1: set real values on the customer cards.</source>
        <translation>%2 av det bygger på %1: angi reelle verdier på kundekortene.</translation>
    </message>
    <message>
        <source>(so far)</source>
        <translation>(så langt)</translation>
    </message>
    <message>
        <source>9 in 10 first answers came within this many business hours.</source>
        <translation>9 av 10 første svar kom innen så mange arbeidstimer.</translation>
    </message>
    <message>
        <source>90th percentile</source>
        <translation>90. persentil</translation>
    </message>
    <message>
        <source>&lt;b&gt;NPS pulse&lt;/b&gt; (customers asked at random): %1</source>
        <translation>&lt;b&gt;NPS-puls&lt;/b&gt; (tilfeldig utvalgte kunder): %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Remedies:&lt;/b&gt; %1 — %2 in total.</source>
        <translation>&lt;b&gt;Kompensasjoner:&lt;/b&gt; %1 — %2 totalt.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Remedies:&lt;/b&gt; none recorded this week.</source>
        <translation>&lt;b&gt;Kompensasjoner:&lt;/b&gt; ingen registrert denne uken.</translation>
    </message>
    <message>
        <source>Add a channel to check</source>
        <translation>Legg til en kanal som skal sjekkes</translation>
    </message>
    <message>
        <source>Add a channel to check…</source>
        <translation>Legg til en kanal som skal sjekkes…</translation>
    </message>
    <message>
        <source>All of it rests on %1: set real values on the customer cards.</source>
        <translation>Alt bygger på %1: angi reelle verdier på kundekortene.</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Besvart</translation>
    </message>
    <message>
        <source>Answered late, or still unanswered past the promise.</source>
        <translation>Besvart for sent, eller fortsatt ubesvart etter løftet.</translation>
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
        <translation>Kanaler som skal sjekkes</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>Klager</translation>
    </message>
    <message>
        <source>Complaints received this week.</source>
        <translation>Klager mottatt denne uken.</translation>
    </message>
    <message>
        <source>Customers who wrote again since: %1</source>
        <translation>Kunder som har skrevet igjen siden: %1</translation>
    </message>
    <message>
        <source>Each complaint hides 10 to 26 unhappy customers who never said a word — but never more than your other customers on record.</source>
        <translation>Hver klage skjuler 10 til 26 misfornøyde kunder som aldri sa noe — men aldri flere enn de andre registrerte kundene dine.</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Feil</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Eksporter CSV</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Eksporter CSV…</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>Eksporter PDF</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Eksporter PDF…</translation>
    </message>
    <message>
        <source>Facebook</source>
        <translation>Facebook</translation>
    </message>
    <message>
        <source>Fifteen minutes for last week: unanswered channels, promises, satisfaction.</source>
        <translation>Et kvarter om forrige uke: ubesvarte kanaler, løfter, tilfredshet.</translation>
    </message>
    <message>
        <source>First response (business hours)</source>
        <translation>Første svar (arbeidstimer)</translation>
    </message>
    <message>
        <source>First response, 90th pct.</source>
        <translation>Første svar, 90. pst.</translation>
    </message>
    <message>
        <source>First response, median</source>
        <translation>Første svar, median</translation>
    </message>
    <message>
        <source>Follow-up answers received this week.</source>
        <translation>Svar på oppfølginger mottatt denne uken.</translation>
    </message>
    <message>
        <source>Follow-ups answered</source>
        <translation>Oppfølginger besvart</translation>
    </message>
    <message>
        <source>Follow-ups asked</source>
        <translation>Oppfølginger sendt</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Skjema</translation>
    </message>
    <message>
        <source>How long the oldest unanswered inquiry has waited.</source>
        <translation>Hvor lenge den eldste ubesvarte henvendelsen har ventet.</translation>
    </message>
    <message>
        <source>Inquiries per channel</source>
        <translation>Henvendelser per kanal</translation>
    </message>
    <message>
        <source>Inquiries received this week.</source>
        <translation>Henvendelser mottatt denne uken.</translation>
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
        <translation>Sist sjekket</translation>
    </message>
    <message>
        <source>Last full week</source>
        <translation>Siste hele uke</translation>
    </message>
    <message>
        <source>Lifetime value of customers with an open complaint or a detractor answer.</source>
        <translation>Livstidsverdi for kunder med en åpen klage eller et kritisk svar.</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>Median time to the first answer, in business hours.</source>
        <translation>Mediantid til første svar, i arbeidstimer.</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <source>NPS (follow-ups)</source>
        <translation>NPS (oppfølginger)</translation>
    </message>
    <message>
        <source>NPS pulse (asked customers, not complaints)</source>
        <translation>NPS-puls (spurte kunder, ikke klager)</translation>
    </message>
    <message>
        <source>Name (e.g. Trustpilot reviews, voicemail, Facebook page posts):</source>
        <translation>Navn (f.eks. Trustpilot-anmeldelser, telefonsvarer, innlegg på Facebook-siden):</translation>
    </message>
    <message>
        <source>Next week (Alt+Right)</source>
        <translation>Neste uke (Alt+Høyre)</translation>
    </message>
    <message>
        <source>Next week ▶</source>
        <translation>Neste uke ▶</translation>
    </message>
    <message>
        <source>No complaints this week.</source>
        <translation>Ingen klager denne uken.</translation>
    </message>
    <message>
        <source>No pulse answers.</source>
        <translation>Ingen svar fra pulsen.</translation>
    </message>
    <message>
        <source>No remedies recorded this week.</source>
        <translation>Ingen kompensasjoner registrert denne uken.</translation>
    </message>
    <message>
        <source>Not checked for over a week</source>
        <translation>Ikke sjekket på over en uke</translation>
    </message>
    <message>
        <source>Not synced for over a week</source>
        <translation>Ikke synkronisert på over en uke</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Of those, answered by now.</source>
        <translation>Av disse, besvart nå.</translation>
    </message>
    <message>
        <source>Oldest waiting</source>
        <translation>Eldste ventende</translation>
    </message>
    <message>
        <source>Open PDF</source>
        <translation>Åpne PDF</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>Åpne fil</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Åpne mappe</translation>
    </message>
    <message>
        <source>Over a week ago</source>
        <translation>For over en uke siden</translation>
    </message>
    <message>
        <source>Overdue now</source>
        <translation>Forfalt nå</translation>
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
        <translation>Forrige uke (Alt+Venstre)</translation>
    </message>
    <message>
        <source>Promises broken</source>
        <translation>Løfter brutt</translation>
    </message>
    <message>
        <source>Promises kept</source>
        <translation>Løfter holdt</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Mottatt</translation>
    </message>
    <message>
        <source>Received before the week ended and still without an answer now.</source>
        <translation>Mottatt før uken var omme og fortsatt uten svar nå.</translation>
    </message>
    <message>
        <source>Remedies this week</source>
        <translation>Kompensasjoner denne uken</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Gjenåpnet</translation>
    </message>
    <message>
        <source>Reopened during the week after being resolved.</source>
        <translation>Gjenåpnet i løpet av uken etter å ha blitt løst.</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Løst</translation>
    </message>
    <message>
        <source>Resolved or closed during the week.</source>
        <translation>Løst eller lukket i løpet av uken.</translation>
    </message>
    <message>
        <source>Satisfaction and NPS (follow-ups)</source>
        <translation>Tilfredshet og NPS (oppfølginger)</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>Fornøyd</translation>
    </message>
    <message>
        <source>Satisfied %</source>
        <translation>Fornøyde %</translation>
    </message>
    <message>
        <source>Satisfied afterwards: %1 % of %2 answers</source>
        <translation>Fornøyde etterpå: %1 % av %2 svar</translation>
    </message>
    <message>
        <source>Saved to %1 — %2 · %3</source>
        <translation>Lagret i %1 — %2 · %3</translation>
    </message>
    <message>
        <source>Share of settled reply-time promises that were kept.</source>
        <translation>Andel av avgjorte svarløfter som ble holdt.</translation>
    </message>
    <message>
        <source>Share of yes/no answers that said yes.</source>
        <translation>Andel av ja/nei-svar som sa ja.</translation>
    </message>
    <message>
        <source>Silent unhappy (est.)</source>
        <translation>Tause misfornøyde (anslag)</translation>
    </message>
    <message>
        <source>Social</source>
        <translation>Sosiale medier</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>The part of the value at risk that uses the default customer value (customers without their own annual value). Set real values on the customer cards.</source>
        <translation>Den delen av verdien i fare som bruker standard kundeverdi (kunder uten egen årsverdi). Angi reelle verdier på kundekortene.</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Denne uken</translation>
    </message>
    <message>
        <source>Tick each channel you can only check by hand once you have looked at it.</source>
        <translation>Kryss av for hver kanal du bare kan sjekke manuelt, når du har sett på den.</translation>
    </message>
    <message>
        <source>Tick when you have checked it this week.</source>
        <translation>Kryss av når du har sjekket den denne uken.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totalt</translation>
    </message>
    <message>
        <source>Total %1 for %2 remedies</source>
        <translation>Totalt %1 for %2 kompensasjoner</translation>
    </message>
    <message>
        <source>Trends, %1 weeks</source>
        <translation>Trender, %1 uker</translation>
    </message>
    <message>
        <source>Trends, last %1 weeks</source>
        <translation>Trender, siste %1 uker</translation>
    </message>
    <message>
        <source>Unanswered now</source>
        <translation>Ubesvart nå</translation>
    </message>
    <message>
        <source>Unanswered now and past the promised reply time.</source>
        <translation>Ubesvart nå og etter lovet svartid.</translation>
    </message>
    <message>
        <source>Value at risk</source>
        <translation>Verdi i fare</translation>
    </message>
    <message>
        <source>Value at risk: %1 (customers with open complaints or detractor answers)</source>
        <extracomment>chart size in scene units (screen pixels at 96 dpi): the fonts read like on screen</extracomment>
        <translation>Verdi i fare: %1 (kunder med åpne klager eller kritiske svar)</translation>
    </message>
    <message>
        <source>Value at risk: %1 — the lifetime value of customers with an open complaint or an unhappy answer.</source>
        <translation>Verdi i fare: %1 — livstidsverdien til kunder med en åpen klage eller et misfornøyd svar.</translation>
    </message>
    <message>
        <source>Week %1, %2 · %3</source>
        <translation>Uke %1, %2 · %3</translation>
    </message>
    <message>
        <source>Weekly review</source>
        <extracomment>the inquiry ids behind a clicked number; the main window shows them a week (figures, trends and checklist) is on screen a hand-checked channel was ticked and the checklist reloaded a background task failed (also shown in a message box)</extracomment>
        <translation>Ukentlig gjennomgang</translation>
    </message>
    <message>
        <source>Weekly review %1</source>
        <translation>Ukentlig gjennomgang %1</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>mail sync</source>
        <translation>e-postsynkronisering</translation>
    </message>
    <message>
        <source>never</source>
        <translation>aldri</translation>
    </message>
    <message>
        <source>social sync</source>
        <translation>synkronisering av sosiale medier</translation>
    </message>
    <message>
        <source>the default customer value (%1 a year × %2 years)</source>
        <translation>standard kundeverdi (%1 i året × %2 år)</translation>
    </message>
    <message>
        <source>the review is still loading</source>
        <extracomment>after an export: where the file went, with links to open it or its folder</extracomment>
        <translation>gjennomgangen lastes fortsatt</translation>
    </message>
    <message>
        <source>◀ Previous week</source>
        <translation>◀ Forrige uke</translation>
    </message>
    <message numerus="yes">
        <source>Double-click to open these %n inquiries.</source>
        <extracomment>metrics where anything above zero needs the founder&apos;s attention</extracomment>
        <translation>
            <numerusform>Dobbeltklikk for å åpne henvendelsen.</numerusform>
            <numerusform>Dobbeltklikk for å åpne disse %n henvendelsene.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewFeature</name>
    <message>
        <source>&amp;Weekly review…</source>
        <translation>&amp;Ukentlig gjennomgang…</translation>
    </message>
    <message>
        <source>From the weekly review</source>
        <translation>Fra den ukentlige gjennomgangen</translation>
    </message>
    <message>
        <source>How customers were treated last week</source>
        <translation>Hvordan kundene ble behandlet forrige uke</translation>
    </message>
    <message>
        <source>Weekly review — SoloService</source>
        <translation>Ukentlig gjennomgang — SoloService</translation>
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
        <translation>Et kvarter én gang i uken: ubesvarte kanaler, holdte løfter, tilfredshet. SoloService minner deg på det.</translation>
    </message>
    <message>
        <source>Remind me on &amp;weekday:</source>
        <translation>Minn meg på &amp;ukedag:</translation>
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
        <translation>En leverandør, en venn, en maskin: e-posten deres er automatisk fra nå av</translation>
    </message>
    <message>
        <source>Automatic mail</source>
        <translation>Automatisk e-post</translation>
    </message>
    <message>
        <source>Automatic mail is kept, but never promised, acknowledged, surveyed or counted in the review.</source>
        <translation>Automatisk e-post lagres, men får aldri løfte, kvittering eller undersøkelse og telles ikke med i gjennomgangen.</translation>
    </message>
    <message>
        <source>Automatic mail: %1</source>
        <translation>Automatisk e-post: %1</translation>
    </message>
    <message>
        <source>Bring the inquiry back to the inbox and start its reply promise</source>
        <translation>Flytt henvendelsen tilbake til innboksen og start svarløftet</translation>
    </message>
    <message>
        <source>Marked %1 as not a customer</source>
        <translation>Merket %1 som ikke-kunde</translation>
    </message>
    <message>
        <source>Marked %1 as spam</source>
        <translation>Merket %1 som søppelpost</translation>
    </message>
    <message>
        <source>Not a c&amp;ustomer</source>
        <translation>Ikke en k&amp;unde</translation>
    </message>
    <message>
        <source>Not automatic — this is a &amp;customer</source>
        <translation>Ikke automatisk — dette er en &amp;kunde</translation>
    </message>
    <message>
        <source>Not automatic — this is a customer</source>
        <translation>Ikke automatisk — dette er en kunde</translation>
    </message>
    <message>
        <source>Their mail goes to Automatic mail from now on: no promise, no survey</source>
        <translation>E-posten deres går til Automatisk e-post fra nå av: ikke noe løfte, ingen undersøkelse</translation>
    </message>
    <message>
        <source>This sender is s&amp;pam</source>
        <translation>Avsenderen er s&amp;øppelpost</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Alt+1 … Alt+5 switch pages</source>
        <translation>Alt+1 … Alt+5 bytter side</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Follow-ups &amp; NPS</source>
        <translation>Oppfølginger og NPS</translation>
    </message>
    <message>
        <source>Hours &amp; holidays</source>
        <translation>Åpningstider og helligdager</translation>
    </message>
    <message>
        <source>Promises</source>
        <translation>Løfter</translation>
    </message>
    <message>
        <source>Settings</source>
        <extracomment>the new settings, after they were written and applied to the services</extracomment>
        <translation>Innstillinger</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Innstillingssider</translation>
    </message>
    <message>
        <source>The settings could not be saved to %1: %2. Nothing was changed.</source>
        <translation>Innstillingene kunne ikke lagres i %1: %2. Ingenting ble endret.</translation>
    </message>
    <message>
        <source>Weekly review</source>
        <translation>Ukentlig gjennomgang</translation>
    </message>
</context>
<context>
    <name>SettingsFeature</name>
    <message>
        <source>&amp;Settings…</source>
        <extracomment>the settings were saved and applied (features with settings_applied heard of it)</extracomment>
        <translation>&amp;Innstillinger…</translation>
    </message>
    <message>
        <source>Business hours, holidays, promises, surveys and more</source>
        <translation>Åpningstider, helligdager, løfter, undersøkelser og mer</translation>
    </message>
    <message>
        <source>Set up your name, business and opening hours…</source>
        <translation>Sett opp navnet ditt, firmaet og åpningstidene…</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>Innstillinger lagret</translation>
    </message>
</context>
<context>
    <name>SidebarModel</name>
    <message>
        <source>Automatic mail</source>
        <translation>Automatisk e-post</translation>
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
        <translation>Innboks</translation>
    </message>
    <message>
        <source>Needs reply</source>
        <translation>Mangler svar</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Forfalt</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Løst</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Utsatt</translation>
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
        <translation>Vis henvendelsen igjen:</translation>
    </message>
    <message>
        <source>Snooze until</source>
        <translation>Utsett til</translation>
    </message>
</context>
<context>
    <name>SocialAccounts</name>
    <message>
        <source>%1: %2 new inquiries, %3 new messages</source>
        <translation>%1: %2 nye henvendelser, %3 nye meldinger</translation>
    </message>
    <message>
        <source>No keyring on this machine: the token is kept for this session only; enter it again after a restart.</source>
        <translation>Ingen nøkkelring på denne maskinen: tokenet beholdes bare i denne økten; skriv det inn igjen etter en omstart.</translation>
    </message>
    <message>
        <source>The token is read from the environment variable %1.</source>
        <translation>Tokenet leses fra miljøvariabelen %1.</translation>
    </message>
    <message>
        <source>The token is stored in the secrets file in your data folder (only you can read it).</source>
        <translation>Tokenet lagres i hemmelighetsfilen i datamappen din (bare du kan lese den).</translation>
    </message>
    <message>
        <source>The token is stored in the system keyring.</source>
        <translation>Tokenet lagres i systemets nøkkelring.</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>mislyktes</translation>
    </message>
    <message>
        <source>no token stored — type it in the Token field and press “Use token for selected”</source>
        <translation>ingen token lagret — skriv den i feltet Token og trykk på “Bruk token for den valgte”</translation>
    </message>
    <message>
        <source>token expired — renew it</source>
        <translation>token utløpt — forny den</translation>
    </message>
</context>
<context>
    <name>SocialAccountsDialog</name>
    <message>
        <source>&amp;Account id:</source>
        <translation>&amp;Konto-ID:</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Koble til</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Navn:</translation>
    </message>
    <message>
        <source>&amp;Poll now</source>
        <translation>&amp;Hent nå</translation>
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
        <translation>Koble til en konto</translation>
    </message>
    <message>
        <source>Connected %1. %2</source>
        <translation>%1 tilkoblet. %2</translation>
    </message>
    <message>
        <source>Connected accounts</source>
        <translation>Tilkoblede kontoer</translation>
    </message>
    <message>
        <source>Disconnect %1 and delete its stored token? Conversations already fetched stay in the inbox.</source>
        <translation>Koble fra %1 og slette det lagrede tokenet? Samtaler som allerede er hentet, blir værende i innboksen.</translation>
    </message>
    <message>
        <source>Fetch new messages from every account</source>
        <translation>Hent nye meldinger fra alle kontoer</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Siste synkronisering</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>New token for %1. %2</source>
        <translation>Nytt token for %1. %2</translation>
    </message>
    <message>
        <source>No account connected. Without one, import the platforms&apos; exports (File › Import) or capture messages by hand (Ctrl+Shift+C).</source>
        <translation>Ingen konto tilkoblet. Uten en konto kan du importere plattformenes eksporter (Fil › Importer) eller registrere meldinger manuelt (Ctrl+Shift+C).</translation>
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
        <translation>Platt&amp;form:</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>Polling…</source>
        <translation>Henter…</translation>
    </message>
    <message>
        <source>Put the token typed below on the selected account (an expired one renewed)</source>
        <translation>Bruk tokenet som er skrevet nedenfor, på den valgte kontoen (fornyer et utløpt)</translation>
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
        <translation>Hemmelighetsfilen i datamappen</translation>
    </message>
    <message>
        <source>Social accounts</source>
        <translation>Kontoer på sosiale medier</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Store token &amp;in:</source>
        <translation>Lagre token &amp;i:</translation>
    </message>
    <message>
        <source>System keyring (recommended)</source>
        <translation>Systemets nøkkelring (anbefalt)</translation>
    </message>
    <message>
        <source>T&amp;oken:</source>
        <translation>T&amp;oken:</translation>
    </message>
    <message>
        <source>This session only</source>
        <translation>Bare denne økten</translation>
    </message>
    <message>
        <source>Type the new token in the Token field first.</source>
        <translation>Skriv først det nye tokenet i Token-feltet.</translation>
    </message>
    <message>
        <source>Use token for selected</source>
        <translation>Bruk token for den valgte</translation>
    </message>
    <message>
        <source>access token (never shown again)</source>
        <translation>tilgangstoken (vises aldri igjen)</translation>
    </message>
    <message>
        <source>leave empty (only for a test server)</source>
        <translation>la stå tomt (bare for en testserver)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>aldri</translation>
    </message>
    <message>
        <source>not polled yet</source>
        <translation>ikke hentet ennå</translation>
    </message>
    <message>
        <source>off</source>
        <translation>av</translation>
    </message>
    <message>
        <source>one word, e.g. shop-fb</source>
        <translation>ett ord, f.eks. butikk-fb</translation>
    </message>
    <message>
        <source>the Facebook Page id</source>
        <translation>Facebook-sidens ID</translation>
    </message>
    <message>
        <source>your X user id (a number)</source>
        <translation>X-bruker-ID-en din (et tall)</translation>
    </message>
    <message>
        <source>The name must be one word without &apos;:&apos; (e.g. shop-fb).</source>
        <translation>Navnet må være ett ord uten &apos;:&apos; (f.eks. butikk-fb).</translation>
    </message>
    <message>
        <source>An account named %1 exists already: choose another name.</source>
        <translation>Det finnes allerede en konto med navnet %1: velg et annet navn.</translation>
    </message>
    <message>
        <source>Type the account id: %1.</source>
        <translation>Skriv kontoens id: %1.</translation>
    </message>
    <message>
        <source>For Instagram type the account id as PAGE_ID:INSTAGRAM_ACCOUNT_ID, so your own messages are told from the customer&apos;s.</source>
        <translation>For Instagram skal kontoens id skrives som PAGE_ID:INSTAGRAM_ACCOUNT_ID, slik at dine egne meldinger skilles fra kundens.</translation>
    </message>
    <message>
        <source>The API address must be http:// or https:// and a host; leave it empty unless you use a test server.</source>
        <translation>API-adressen må være http:// eller https:// og en vert; la den stå tom med mindre du bruker en testserver.</translation>
    </message>
    <message>
        <source>Type the account&apos;s access token in the Token field.</source>
        <translation>Skriv kontoens tilgangstoken i feltet Token.</translation>
    </message>
</context>
<context>
    <name>SocialCounts</name>
    <message numerus="yes">
        <source>Social: %n new message(s)</source>
        <translation>
            <numerusform>Sosiale medier: %n ny melding</numerusform>
            <numerusform>Sosiale medier: %n nye meldinger</numerusform>
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
        <translation>&amp;Hent fra sosiale kontoer nå</translation>
    </message>
    <message>
        <source>&amp;Social accounts…</source>
        <translation>&amp;Sosiale kontoer…</translation>
    </message>
    <message>
        <source>&amp;X archive…</source>
        <translation>&amp;X-arkiv…</translation>
    </message>
    <message>
        <source>Connected Facebook, Instagram and X accounts; poll now</source>
        <translation>Tilkoblede Facebook-, Instagram- og X-kontoer; hent nå</translation>
    </message>
    <message>
        <source>Export imported: %1</source>
        <translation>Eksport importert: %1</translation>
    </message>
    <message>
        <source>I&amp;nstagram export…</source>
        <translation>I&amp;nstagram-eksport…</translation>
    </message>
    <message>
        <source>Import messages from a %1 data download</source>
        <translation>Importer meldinger fra en datanedlasting fra %1</translation>
    </message>
    <message>
        <source>Polling social accounts failed: %1</source>
        <translation>Henting fra sosiale kontoer mislyktes: %1</translation>
    </message>
    <message>
        <source>Reply recorded on #%1</source>
        <translation>Svar registrert på #%1</translation>
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
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>&amp;Zip file…</source>
        <translation>&amp;Zip-fil…</translation>
    </message>
    <message>
        <source>Done: %1 new inquiries.</source>
        <translation>Ferdig: %1 nye henvendelser.</translation>
    </message>
    <message>
        <source>Export archive</source>
        <translation>Eksportarkiv</translation>
    </message>
    <message>
        <source>Facebook: Settings › Your information › Download your information, format JSON, messages of your Page. Pick the unpacked folder or the .zip.</source>
        <translation>Facebook: Innstillinger › Informasjonen din › Last ned informasjonen din, format JSON, meldinger fra siden din. Velg den utpakkede mappen eller .zip-filen.</translation>
    </message>
    <message>
        <source>Folder or .zip of the export</source>
        <translation>Mappe eller .zip med eksporten</translation>
    </message>
    <message>
        <source>Import %1 export</source>
        <translation>Importer %1-eksport</translation>
    </message>
    <message>
        <source>Import summary</source>
        <translation>Importoversikt</translation>
    </message>
    <message>
        <source>Importing… (large exports take a while)</source>
        <translation>Importerer… (store eksporter tar litt tid)</translation>
    </message>
    <message>
        <source>Instagram: Settings › Accounts Center › Download your information, format JSON, messages. Pick the unpacked folder or the .zip.</source>
        <translation>Instagram: Innstillinger › Kontosenter › Last ned informasjonen din, format JSON, meldinger. Velg den utpakkede mappen eller .zip-filen.</translation>
    </message>
    <message>
        <source>Nothing new: everything in this export was imported before.</source>
        <translation>Ingenting nytt: alt i denne eksporten er importert før.</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Ingenting ble importert: %1</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Deltakere</translation>
    </message>
    <message>
        <source>The export does not say which participant is you: pick one, then Import.</source>
        <translation>Eksporten sier ikke hvilken deltaker som er deg: velg én, og klikk deretter Importer.</translation>
    </message>
    <message>
        <source>Unpacked export folder</source>
        <translation>Utpakket eksportmappe</translation>
    </message>
    <message>
        <source>Which of these is &amp;you (the business)? Your messages count as replies.</source>
        <translation>Hvem av disse er &amp;deg (firmaet)? Meldingene dine teller som svar.</translation>
    </message>
    <message>
        <source>X: Settings › Your account › Download an archive of your data. Pick the unpacked folder or the .zip; direct messages are imported.</source>
        <translation>X: Innstillinger › Kontoen din › Last ned et arkiv med dataene dine. Velg den utpakkede mappen eller .zip-filen; direktemeldinger importeres.</translation>
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
        <translation>&amp;Ikke ennå</translation>
    </message>
    <message>
        <source>&amp;Open again</source>
        <translation>&amp;Åpne igjen</translation>
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
        <translation>Ikke registrert; svaret står fortsatt i feltet.</translation>
    </message>
    <message>
        <source>Not sent: %1. The reply is copied: paste it in the conversation that opened in your browser. Did you send it?</source>
        <translation>Ikke sendt: %1. Svaret er kopiert: lim det inn i samtalen som ble åpnet i nettleseren. Sendte du det?</translation>
    </message>
    <message>
        <source>Only for Facebook, Instagram and X conversations; this one came by %1.</source>
        <translation>Bare for samtaler på Facebook, Instagram og X; denne kom via %1.</translation>
    </message>
    <message>
        <source>Recorded as your reply.</source>
        <translation>Registrert som svaret ditt.</translation>
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
        <translation>Svar på sosiale medier</translation>
    </message>
    <message>
        <source>Send through the platform (Ctrl+Enter)</source>
        <translation>Send via plattformen (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Sending on %1…</source>
        <translation>Sender på %1…</translation>
    </message>
    <message>
        <source>Sent through %1 when the platform allows; otherwise copied for you to paste.</source>
        <translation>Sendes via %1 når plattformen tillater det; ellers kopieres det slik at du kan lime det inn.</translation>
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
        <translation>plattformen tar ikke imot svar herfra</translation>
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
        <translation>&amp;Tilpass</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Slett</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>&amp;Forkast endringer</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Nøkkel:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Språk:</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Ny</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Gjenopprett</translation>
    </message>
    <message>
        <source>&amp;Restore the built-in</source>
        <translation>&amp;Gjenopprett den innebygde</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Emne:</translation>
    </message>
    <message>
        <source>All languages</source>
        <translation>Alle språk</translation>
    </message>
    <message>
        <source>Built-in template — read-only. Customise it to make it your own.</source>
        <translation>Innebygd mal — skrivebeskyttet. Tilpass den for å gjøre den til din egen.</translation>
    </message>
    <message>
        <source>Cannot preview: %1</source>
        <translation>Kan ikke forhåndsvise: %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>Slett mal</translation>
    </message>
    <message>
        <source>Delete the template &quot;%1&quot; (%2)? This cannot be undone.</source>
        <translation>Slette malen &quot;%1&quot; (%2)? Dette kan ikke angres.</translation>
    </message>
    <message>
        <source>Empty here: %1</source>
        <translation>Tomt her: %1</translation>
    </message>
    <message>
        <source>Fallback: {customer.first_name|there}</source>
        <translation>Reserve: {customer.first_name|du}</translation>
    </message>
    <message>
        <source>Filter templates…</source>
        <translation>Filtrer maler…</translation>
    </message>
    <message>
        <source>For inquiry #%1 — subject: %2</source>
        <translation>For henvendelse #%1 — emne: %2</translation>
    </message>
    <message>
        <source>N&amp;ame:</source>
        <translation>N&amp;avn:</translation>
    </message>
    <message>
        <source>New template.</source>
        <translation>Ny mal.</translation>
    </message>
    <message>
        <source>Placeholders</source>
        <translation>Plassholdere</translation>
    </message>
    <message>
        <source>Placeholders (double-click or Enter inserts)</source>
        <translation>Plassholdere (dobbeltklikk eller Enter setter inn)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Forhåndsvisning</translation>
    </message>
    <message>
        <source>Reply templates</source>
        <extracomment>a template was saved or deleted (the composer may refresh its list)</extracomment>
        <translation>Svarmaler</translation>
    </message>
    <message>
        <source>Restore the built-in</source>
        <translation>Gjenopprett den innebygde</translation>
    </message>
    <message>
        <source>S&amp;hortcut:</source>
        <translation>S&amp;narvei:</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>&amp;Lagre</translation>
    </message>
    <message>
        <source>Select an inquiry to see the template filled in.</source>
        <extracomment>(inquiry id, its detail or why it cannot be read), read once per inquiry</extracomment>
        <translation>Velg en henvendelse for å se malen fylt ut.</translation>
    </message>
    <message>
        <source>Suits:</source>
        <translation>Passer til:</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Maler</translation>
    </message>
    <message>
        <source>Throw away the changes to this template?</source>
        <translation>Forkaste endringene i denne malen?</translation>
    </message>
    <message>
        <source>Throw away your version of &quot;%1&quot; (%2) and use the built-in text again?</source>
        <translation>Forkaste din versjon av &quot;%1&quot; (%2) og bruke den innebygde teksten igjen?</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ulagrede endringer</translation>
    </message>
    <message>
        <source>Your copy of the built-in &quot;%1&quot;: save to use it instead.</source>
        <translation>Din kopi av den innebygde &quot;%1&quot;: lagre for å bruke den i stedet.</translation>
    </message>
    <message>
        <source>Your own template.</source>
        <translation>Din egen mal.</translation>
    </message>
    <message>
        <source>Your version of a built-in template.</source>
        <translation>Din versjon av en innebygd mal.</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>innebygd</translation>
    </message>
    <message>
        <source>customised</source>
        <translation>tilpasset</translation>
    </message>
    <message>
        <source>e.g. ack — typed in the composer to insert it</source>
        <translation>f.eks. kvit — skrives i svarfeltet for å sette den inn</translation>
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
        <translation>Ingen mal passer</translation>
    </message>
    <message>
        <source>Template filter</source>
        <translation>Malfilter</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Maler</translation>
    </message>
    <message>
        <source>Type to filter templates… (Enter inserts)</source>
        <translation>Skriv for å filtrere maler… (Enter setter inn)</translation>
    </message>
</context>
<context>
    <name>TemplatesFeature</name>
    <message>
        <source>Reply &amp;templates…</source>
        <translation>Svar&amp;maler…</translation>
    </message>
    <message>
        <source>Write and customise reply templates</source>
        <translation>Skriv og tilpass svarmaler</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>&amp;Log call…</source>
        <translation>&amp;Registrer samtale…</translation>
    </message>
    <message>
        <source>&amp;Open SoloService</source>
        <extracomment>(kind, title, text) of every alert, whichever way it was shown; kind &quot;due&quot; or &quot;review&quot;</extracomment>
        <translation>&amp;Åpne SoloService</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avslutt</translation>
    </message>
    <message>
        <source>Due within the hour</source>
        <extracomment>the number of overdue inquiries changed (also emitted on the first check) overdue and due-today counts, for the tray&apos;s tooltip (emitted when either changed) list[DueSoon]: inquiries that became due within the hour since the last check the window&apos;s counts from its last (re)load, taken at start and after a reload instead of running the same grouped count a second time</extracomment>
        <translation>Frist innen en time</translation>
    </message>
    <message numerus="yes">
        <source>%n inquiries due within the hour</source>
        <translation>
            <numerusform>%n henvendelse har frist innen en time</numerusform>
            <numerusform>%n henvendelser har frist innen en time</numerusform>
        </translation>
    </message>
    <message>
        <source>SoloService — %1 overdue, %2 due today</source>
        <translation>SoloService — %1 forfalt, %2 med frist i dag</translation>
    </message>
    <message>
        <source>Time for the weekly review — open it with Ctrl+Shift+R.</source>
        <translation>Tid for den ukentlige gjennomgangen — åpne den med Ctrl+Shift+R.</translation>
    </message>
    <message>
        <source>Weekly review</source>
        <translation>Ukentlig gjennomgang</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… og %1 til</translation>
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
        <translation>&amp;Gjennomsnittlig omsetning per kunde per år:</translation>
    </message>
    <message>
        <source>A typical customer&apos;s yearly spend and how long they stay. Next to that, a small remedy for a complaint is nothing.</source>
        <translation>En typisk kundes årlige forbruk og hvor lenge de blir. Ved siden av det er en liten kompensasjon for en klage ingenting.</translation>
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
        <translation>Livstidsverdi:</translation>
    </message>
    <message>
        <source>What a customer is worth</source>
        <translation>Hva en kunde er verdt</translation>
    </message>
</context>
<context>
    <name>WorkerDialog</name>
    <message>
        <source>Could not save: %1</source>
        <extracomment>the button that saves; the subclass creates it</extracomment>
        <translation>Kunne ikke lagre: %1</translation>
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
        <translation>&amp;Fil</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjelp</translation>
    </message>
    <message>
        <source>&amp;Inquiry</source>
        <translation>H&amp;envendelse</translation>
    </message>
    <message>
        <source>&amp;Log call…</source>
        <translation>&amp;Registrer samtale…</translation>
    </message>
    <message>
        <source>&amp;New inquiry…</source>
        <translation>&amp;Ny henvendelse…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avslutt</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Gjør om</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Oppdater</translation>
    </message>
    <message>
        <source>&amp;Resolve</source>
        <translation>&amp;Løs</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Søk</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>Verk&amp;tøy</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Angre</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <source>Add &amp;note</source>
        <translation>Legg til &amp;notat</translation>
    </message>
    <message>
        <source>Hide the inquiry until later</source>
        <translation>Skjul henvendelsen til senere</translation>
    </message>
    <message>
        <source>Log a phone call</source>
        <translation>Registrer en telefonsamtale</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hovedverktøylinje</translation>
    </message>
    <message>
        <source>Mark &amp;waiting</source>
        <translation>Merk som &amp;venter</translation>
    </message>
    <message>
        <source>Mark as resolved</source>
        <translation>Merk som løst</translation>
    </message>
    <message>
        <source>Open the inquiry again</source>
        <translation>Åpne henvendelsen igjen</translation>
    </message>
    <message>
        <source>Quit SoloService</source>
        <translation>Avslutt SoloService</translation>
    </message>
    <message>
        <source>Re&amp;open</source>
        <translation>&amp;Gjenåpne</translation>
    </message>
    <message>
        <source>Reload the list and counts</source>
        <translation>Last inn listen og tallene på nytt</translation>
    </message>
    <message>
        <source>Search customers and subjects</source>
        <translation>Søk i kunder og emner</translation>
    </message>
    <message>
        <source>Show or hide the customer card, remedies and follow-up beside the reply</source>
        <translation>Vis eller skjul kundekortet, kompensasjoner og oppfølging ved siden av svaret</translation>
    </message>
    <message>
        <source>Sn&amp;ooze</source>
        <translation>&amp;Utsett</translation>
    </message>
    <message>
        <source>Type in an inquiry by hand</source>
        <translation>Skriv inn en henvendelse manuelt</translation>
    </message>
    <message>
        <source>Waiting on the customer: the reply clock pauses</source>
        <translation>Venter på kunden: svarklokken står stille</translation>
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
        <translation>SoloService — skrivebeskyttet (skadet database)</translation>
    </message>
    <message>
        <source>The daily backup failed: %1</source>
        <translation>Den daglige sikkerhetskopien mislyktes: %1</translation>
    </message>
</context>
<context>
    <name>channels</name>
    <message>
        <source>%1 already there (skipped)</source>
        <translation>%1 fantes allerede (hoppet over)</translation>
    </message>
    <message>
        <source>%1 messages added</source>
        <translation>%1 meldinger lagt til</translation>
    </message>
    <message>
        <source>%1 new inquiries</source>
        <translation>%1 nye henvendelser</translation>
    </message>
    <message>
        <source>%1 new inquiries, %2 already there</source>
        <translation>%1 nye henvendelser, %2 fantes allerede</translation>
    </message>
    <message>
        <source>%1 new inquiries, %2 messages added, %3 already there</source>
        <translation>%1 nye henvendelser, %2 meldinger lagt til, %3 fantes allerede</translation>
    </message>
    <message>
        <source>%1 rows or messages read</source>
        <translation>%1 rader eller meldinger lest</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Hoppet over</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… og %1 til</translation>
    </message>
</context>
<context>
    <name>feedback</name>
    <message>
        <source>#%1: the customer will be asked when it is resolved</source>
        <translation>#%1: kunden blir spurt når saken er løst</translation>
    </message>
    <message>
        <source>#%1: the customer will not be asked</source>
        <translation>#%1: kunden blir ikke spurt</translation>
    </message>
    <message>
        <source>%1 sent, %2 to ask in person</source>
        <extracomment>Keys that act on the selected check (no modifier): answer yes / no, classify.</extracomment>
        <translation>%1 sendt, %2 må spørres personlig</translation>
    </message>
    <message>
        <source>%1 skipped</source>
        <translation>%1 hoppet over</translation>
    </message>
    <message>
        <source>%1 waiting in the outbox</source>
        <translation>%1 venter i utboksen</translation>
    </message>
    <message>
        <source>%1/10</source>
        <translation>%1/10</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Legg til</translation>
    </message>
    <message>
        <source>&amp;Ask whether the customer is satisfied when resolved</source>
        <translation>&amp;Spør om kunden er fornøyd når saken er løst</translation>
    </message>
    <message>
        <source>&amp;Import customers from CSV…</source>
        <translation>&amp;Importer kunder fra CSV…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Oppdater</translation>
    </message>
    <message>
        <source>&amp;Score:</source>
        <translation>&amp;Poeng:</translation>
    </message>
    <message>
        <source>&amp;Send due checks by mail</source>
        <translation>&amp;Send forfalte oppfølginger på e-post</translation>
    </message>
    <message>
        <source>&amp;Undo remove</source>
        <translation>&amp;Angre fjerning</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(uten navn)</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(ukjent)</translation>
    </message>
    <message>
        <source>0–10</source>
        <translation>0–10</translation>
    </message>
    <message>
        <source>12-month pulse NPS: %1 from %2 answers (%3 asked)</source>
        <translation>NPS-puls for 12 måneder: %1 fra %2 svar (%3 spurt)</translation>
    </message>
    <message>
        <source>A score is a whole number from 0 to 10.</source>
        <translation>En poengsum er et helt tall fra 0 til 10.</translation>
    </message>
    <message>
        <source>Add &amp;remedy:</source>
        <translation>Legg til &amp;kompensasjon:</translation>
    </message>
    <message>
        <source>Added %1 (%2)</source>
        <translation>%1 lagt til (%2)</translation>
    </message>
    <message>
        <source>All checks</source>
        <translation>Alle oppfølginger</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Svar</translation>
    </message>
    <message>
        <source>Answer from %1 saved</source>
        <translation>Svar fra %1 lagret</translation>
    </message>
    <message>
        <source>Answer of %1</source>
        <translation>Svar fra %1</translation>
    </message>
    <message>
        <source>Answer saved; #%1 closed</source>
        <translation>Svar lagret; #%1 lukket</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Besvart</translation>
    </message>
    <message>
        <source>Answered %1: %2</source>
        <translation>Svarte %1: %2</translation>
    </message>
    <message>
        <source>Apology call</source>
        <translation>Beklagende telefonsamtale</translation>
    </message>
    <message>
        <source>Apology mail</source>
        <translation>Beklagende e-post</translation>
    </message>
    <message>
        <source>Ask in person</source>
        <translation>Spør personlig</translation>
    </message>
    <message>
        <source>Asked %1 — waiting for the answer</source>
        <translation>Spurt %1 — venter på svar</translation>
    </message>
    <message>
        <source>Asked — waiting</source>
        <translation>Spurt — venter</translation>
    </message>
    <message>
        <source>At risk of a public complaint</source>
        <translation>Fare for en offentlig klage</translation>
    </message>
    <message>
        <source>By mail</source>
        <translation>På e-post</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV-filer (*.csv *.txt);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Sak</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Check scheduled for %1 (%2)</source>
        <translation>Oppfølging planlagt til %1 (%2)</translation>
    </message>
    <message>
        <source>Classify the answer of %1</source>
        <translation>Klassifiser svaret fra %1</translation>
    </message>
    <message>
        <source>Close without saving (Esc)</source>
        <translation>Lukk uten å lagre (Esc)</translation>
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
        <translation>Kommentar (valgfritt)</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kostnad</translation>
    </message>
    <message>
        <source>Could not import %1: %2 — nothing was stored.</source>
        <translation>Kunne ikke importere %1: %2 — ingenting ble lagret.</translation>
    </message>
    <message>
        <source>Customer</source>
        <extracomment>the number of ticked customers changed</extracomment>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Customers not asked within the last %1 days, not opted out and without an open complaint. Untick anyone you would rather not ask now.</source>
        <translation>Kunder som ikke er spurt de siste %1 dagene, ikke har reservert seg og ikke har en åpen klage. Fjern avkrysningen for dem du helst ikke vil spørre nå.</translation>
    </message>
    <message>
        <source>Customers to ask this month</source>
        <translation>Kunder som skal spørres denne måneden</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <source>Due now</source>
        <extracomment>The Follow-ups view&apos;s states; &quot;due&quot; is a scheduled check whose time has come.</extracomment>
        <translation>Forfaller nå</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Enter saves (the score is optional) · Esc cancels</source>
        <translation>Enter lagrer (karakteren er valgfri) · Esc avbryter</translation>
    </message>
    <message>
        <source>Express shipping</source>
        <translation>Ekspressfrakt</translation>
    </message>
    <message>
        <source>Follow-up checks</source>
        <translation>Oppfølginger</translation>
    </message>
    <message>
        <source>Follow-ups — SoloService</source>
        <extracomment>data changed (an answer, sent checks): the main window reloads; the message is for it an answer was stored (the AnswerResult), for whoever wants to follow up the due checks were sent (the status line text) the founder wants to see this inquiry in the main window</extracomment>
        <translation>Oppfølginger — SoloService</translation>
    </message>
    <message>
        <source>Full refund</source>
        <translation>Full refusjon</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>Gave</translation>
    </message>
    <message>
        <source>Happy customer: ask for a review or a referral</source>
        <translation>Fornøyd kunde: be om en anmeldelse eller en anbefaling</translation>
    </message>
    <message>
        <source>How to ask</source>
        <translation>Slik spørres det</translation>
    </message>
    <message>
        <source>Import customers from CSV</source>
        <translation>Importer kunder fra CSV</translation>
    </message>
    <message>
        <source>Imported %1: %2 new, %3 updated, %4 unchanged</source>
        <translation>Importert %1: %2 nye, %3 oppdatert, %4 uendret</translation>
    </message>
    <message numerus="yes">
        <source>Asked %n customer(s)</source>
        <translation>
            <numerusform>Spurte %n kunde</numerusform>
            <numerusform>Spurte %n kunder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) could not be used: %1</source>
        <translation>
            <numerusform>%n rad kunne ikke brukes: %1</numerusform>
            <numerusform>%n rader kunne ikke brukes: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) imported with something to check: %1</source>
        <translation>
            <numerusform>%n rad importert med noe å sjekke: %1</numerusform>
            <numerusform>%n rader importert med noe å sjekke: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This month&apos;s pulse: %n customer(s) proposed</source>
        <translation>
            <numerusform>Månedens puls: %n kunde foreslått</numerusform>
            <numerusform>Månedens puls: %n kunder foreslått</numerusform>
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
            <numerusform>Send 0–10-spørsmålet til %n kunde nå? Det kan ikke angres.</numerusform>
            <numerusform>Send 0–10-spørsmålet til %n kunder nå? Det kan ikke angres.</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importerer %1…</translation>
    </message>
    <message>
        <source>Kind of remedy</source>
        <translation>Type kompensasjon</translation>
    </message>
    <message>
        <source>Last asked</source>
        <translation>Sist spurt</translation>
    </message>
    <message>
        <source>Lifetime value</source>
        <translation>Livstidsverdi</translation>
    </message>
    <message>
        <source>Mail the due checks to email and form customers; the others are asked in person</source>
        <translation>Send forfalte oppfølginger på e-post til e-post- og skjemakunder; de andre spørres personlig</translation>
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
        <translation>NPS-puls (kundebasen), siste 12 måneder</translation>
    </message>
    <message>
        <source>NPS pulse (customer base): asked of customers at random, not after a case. Satisfaction after complaints is reported apart, in the weekly review.</source>
        <translation>NPS-puls (kundebasen): spørsmålet stilles til tilfeldige kunder, ikke etter en sak. Tilfredshet etter klager vises for seg i den ukentlige gjennomgangen.</translation>
    </message>
    <message>
        <source>NPS pulse — SoloService</source>
        <extracomment>proposal and report were (re)read something was stored (questions queued, customers imported); the message is for the window a send or import finished (the message shown)</extracomment>
        <translation>NPS-puls — SoloService</translation>
    </message>
    <message>
        <source>Name, email, phone, annual revenue, customer since — from a shop or accounting export</source>
        <translation>Navn, e-post, telefon, årlig omsetning, kunde siden — fra en eksport fra nettbutikk eller regnskap</translation>
    </message>
    <message>
        <source>No (N)</source>
        <translation>Nei (N)</translation>
    </message>
    <message>
        <source>No answers yet</source>
        <translation>Ingen svar ennå</translation>
    </message>
    <message>
        <source>No inquiry selected</source>
        <translation>Ingen henvendelse valgt</translation>
    </message>
    <message>
        <source>No satisfaction check yet: one is scheduled when the case is resolved.</source>
        <translation>Ingen tilfredshetsoppfølging ennå: den planlegges når saken er løst.</translation>
    </message>
    <message>
        <source>Nobody left to ask this month</source>
        <translation>Ingen igjen å spørre denne måneden</translation>
    </message>
    <message>
        <source>Not asked: %1</source>
        <translation>Ikke spurt: %1</translation>
    </message>
    <message>
        <source>Not satisfied</source>
        <translation>Ikke fornøyd</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>Note, e.g. what was sent</source>
        <translation>Notat, f.eks. hva som ble sendt</translation>
    </message>
    <message>
        <source>Only unclear answers are classified; Y or N records one.</source>
        <translation>Bare uklare svar klassifiseres; Y eller N registrerer et.</translation>
    </message>
    <message>
        <source>Opened #%1 as a closed-loop case — call back within 24 h</source>
        <translation>#%1 åpnet som oppfølgingssak — ring tilbake innen 24 t</translation>
    </message>
    <message>
        <source>Optional score 0–10; Enter saves, Esc cancels</source>
        <translation>Valgfri karakter 0–10; Enter lagrer, Esc avbryter</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Annet</translation>
    </message>
    <message>
        <source>Partial refund</source>
        <translation>Delvis refusjon</translation>
    </message>
    <message>
        <source>Press C to read the answer and classify it</source>
        <translation>Trykk C for å lese svaret og klassifisere det</translation>
    </message>
    <message>
        <source>Press Y or N, or type a score from 0 to 10.</source>
        <translation>Trykk Y eller N, eller skriv en poengsum fra 0 til 10.</translation>
    </message>
    <message>
        <source>Pulse NPS</source>
        <translation>Puls-NPS</translation>
    </message>
    <message>
        <source>Read the checks again (F5)</source>
        <translation>Last inn oppfølgingene på nytt (F5)</translation>
    </message>
    <message>
        <source>Record an answer:</source>
        <translation>Registrer et svar:</translation>
    </message>
    <message>
        <source>Record the remedy (Enter in the note)</source>
        <translation>Registrer kompensasjonen (Enter i notatet)</translation>
    </message>
    <message>
        <source>Remedies</source>
        <translation>Kompensasjoner</translation>
    </message>
    <message>
        <source>Remedy</source>
        <translation>Kompensasjon</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>Fje&amp;rn</translation>
    </message>
    <message>
        <source>Remove the selected remedy (Delete); it can be undone</source>
        <translation>Fjern den valgte kompensasjonen (Delete); det kan angres</translation>
    </message>
    <message>
        <source>Removed %1 (%2)</source>
        <translation>%1 fjernet (%2)</translation>
    </message>
    <message>
        <source>Reopened #%1 as a closed-loop case — call back within 24 h</source>
        <translation>#%1 gjenåpnet som oppfølgingssak — ring tilbake innen 24 t</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>Reparasjon</translation>
    </message>
    <message>
        <source>Replacement</source>
        <translation>Erstatningsvare</translation>
    </message>
    <message>
        <source>Restored %1</source>
        <translation>%1 gjenopprettet</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>V&amp;is:</translation>
    </message>
    <message>
        <source>S&amp;top sending</source>
        <translation>S&amp;topp sendingen</translation>
    </message>
    <message>
        <source>Satisfaction answers</source>
        <extracomment>Older answers are summarised in a count; the card is not the place for a full history.</extracomment>
        <translation>Tilfredshetssvar</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>Fornøyd</translation>
    </message>
    <message>
        <source>Satisfied?</source>
        <translation>Fornøyd?</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <source>Save the answer (Enter)</source>
        <translation>Lagre svaret (Enter)</translation>
    </message>
    <message>
        <source>Sc&amp;ore:</source>
        <translation>P&amp;oeng:</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Planlagt</translation>
    </message>
    <message>
        <source>Scheduled / asked</source>
        <translation>Planlagt / spurt</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Poeng</translation>
    </message>
    <message>
        <source>Score 0 to 10</source>
        <translation>Poengsum 0 til 10</translation>
    </message>
    <message>
        <source>Send the NPS question</source>
        <translation>Send NPS-spørsmålet</translation>
    </message>
    <message>
        <source>Sending %1 of %2…</source>
        <translation>Sender %1 av %2…</translation>
    </message>
    <message>
        <source>Sending the due checks…</source>
        <translation>Sender forfalte oppfølginger…</translation>
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
        <translation>Hoppet over</translation>
    </message>
    <message>
        <source>Something went wrong; nothing was changed.

%1</source>
        <extracomment>survey statuses an answer can still be recorded for</extracomment>
        <translation>Noe gikk galt; ingenting ble endret.

%1</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tilstand</translation>
    </message>
    <message>
        <source>The answer was unclear — classify it in Follow-ups (Ctrl+Shift+F)</source>
        <translation>Svaret var uklart — klassifiser det under Oppfølginger (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <source>The customer is not satisfied: the case reopens for a call-back within 24 h</source>
        <translation>Kunden er ikke fornøyd: saken gjenåpnes for tilbakeringing innen 24 t</translation>
    </message>
    <message>
        <source>The customer said they are satisfied (asked in person)</source>
        <translation>Kunden sa at de er fornøyde (spurt personlig)</translation>
    </message>
    <message>
        <source>The customer wrote:</source>
        <translation>Kunden skrev:</translation>
    </message>
    <message>
        <source>The questions not sent yet wait in the outbox</source>
        <translation>Spørsmålene som ikke er sendt ennå, venter i utboksen</translation>
    </message>
    <message>
        <source>This check is already answered.</source>
        <translation>Denne oppfølgingen er allerede besvart.</translation>
    </message>
    <message>
        <source>This check was skipped: %1</source>
        <translation>Denne oppfølgingen ble hoppet over: %1</translation>
    </message>
    <message>
        <source>Unclear answer</source>
        <translation>Uklart svar</translation>
    </message>
    <message>
        <source>Unhappy answer: call back by %1</source>
        <translation>Misfornøyd svar: ring tilbake innen %1</translation>
    </message>
    <message>
        <source>Untick when asking would be out of place for this case (it is still stored why)</source>
        <translation>Fjern avkrysningen når det ville være malplassert å spørre i denne saken (årsaken lagres fortsatt)</translation>
    </message>
    <message>
        <source>What the customer wrote</source>
        <translation>Hva kunden skrev</translation>
    </message>
    <message>
        <source>What was spent on making it right, next to what the customer is worth</source>
        <extracomment>the last removed remedy, until it is restored or another change is made</extracomment>
        <translation>Hva som er brukt på å rette det opp, sammenlignet med hva kunden er verdt</translation>
    </message>
    <message>
        <source>Why it was not read automatically: %1</source>
        <translation>Hvorfor det ikke ble lest automatisk: %1</translation>
    </message>
    <message>
        <source>Y / N: the customer&apos;s answer, then a score 0–10 and Enter · C: classify an unclear answer · Enter or double-click: open the case</source>
        <translation>Y / N: kundens svar, deretter en poengsum 0–10 og Enter · C: klassifiser et uklart svar · Enter eller dobbeltklikk: åpne saken</translation>
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
        <translation>snarest mulig</translation>
    </message>
    <message>
        <source>asked %1</source>
        <translation>spurt %1</translation>
    </message>
    <message>
        <source>at risk of a public complaint</source>
        <translation>fare for en offentlig klage</translation>
    </message>
    <message>
        <source>for %1</source>
        <translation>for %1</translation>
    </message>
    <message>
        <source>happy customer: ask for a review or a referral</source>
        <translation>fornøyd kunde: be om en anmeldelse eller en anbefaling</translation>
    </message>
    <message>
        <source>n = answers that month</source>
        <translation>n = svar den måneden</translation>
    </message>
    <message>
        <source>n=%1</source>
        <translation>n=%1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>aldri</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nei</translation>
    </message>
    <message>
        <source>no clear yes/no or score</source>
        <translation>ikke noe klart ja/nei eller poengsum</translation>
    </message>
    <message>
        <source>no remedy yet — customer worth %1</source>
        <translation>ingen kompensasjon ennå — kunden er verdt %1</translation>
    </message>
    <message>
        <source>no score</source>
        <translation>ingen poengsum</translation>
    </message>
    <message>
        <source>not asked: %1</source>
        <translation>ikke spurt: %1</translation>
    </message>
    <message>
        <source>pulse</source>
        <translation>puls</translation>
    </message>
    <message>
        <source>remedy %1 — customer worth %2</source>
        <translation>kompensasjon %1 — kunden er verdt %2</translation>
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
        <translation>… og %1 eldre</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 t</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 t %2 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
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
        <translation>E-post</translation>
    </message>
    <message>
        <source>Facebook</source>
        <translation>Facebook</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Skjema</translation>
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
        <translation>Åpen</translation>
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
        <translation>Spørsmål</translation>
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
        <translation>Sosiale medier</translation>
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
        <translation>Merket som ny</translation>
    </message>
    <message>
        <source>Marked waiting</source>
        <translation>Merket som venter</translation>
    </message>
    <message>
        <source>Note added to #%1</source>
        <translation>Notat lagt til på #%1</translation>
    </message>
    <message>
        <source>Redone: %1</source>
        <translation>Gjort om: %1</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Gjenåpnet</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Løst</translation>
    </message>
    <message>
        <source>Snoozed #%1 until %2</source>
        <translation>#%1 utsatt til %2</translation>
    </message>
    <message>
        <source>Something went wrong; nothing was changed.

%1</source>
        <extracomment>(message for the status bar, id of the inquiry concerned or None, what changed: a ``Changes``) a message for the user: what failed and that nothing was changed a status change was made and can be undone (message, e.g. &quot;Resolved #12&quot;)</extracomment>
        <translation>Noe gikk galt; ingenting ble endret.

%1</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>Angret: %1</translation>
    </message>
    <message>
        <source>Woke #%1</source>
        <translation>#%1 vekket</translation>
    </message>
</context>
</TS>
