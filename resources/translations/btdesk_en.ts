<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="sv_SE">
<context>
    <name>ActivitiesView</name>
    <message>
        <location filename="../../ui/views/activities.py" line="34" />
        <location filename="../../ui/views/activities.py" line="75" />
        <source>Aktiviteter</source>
        <translation>Activities</translation>
    </message>
    <message>
        <location filename="../../ui/views/activities.py" line="38" />
        <source>Filtrera på text …</source>
        <translation>Filter by text …</translation>
    </message>
    <message>
        <location filename="../../ui/views/activities.py" line="43" />
        <source>Delmål</source>
        <translation>Delmål</translation>
    </message>
    <message>
        <location filename="../../ui/views/activities.py" line="43" />
        <source>Placering</source>
        <translation>Placement</translation>
    </message>
    <message>
        <location filename="../../ui/views/activities.py" line="44" />
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/views/activities.py" line="54" />
        <source>&amp;Ny aktivitet (Ctrl+N)</source>
        <translation>&amp;New activity (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/views/activities.py" line="56" />
        <source>Ä&amp;ndra</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/views/activities.py" line="58" />
        <source>Ta &amp;bort</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location filename="../../ui/views/activities.py" line="60" />
        <source>&amp;Historik</source>
        <translation>&amp;History</translation>
    </message>
    <message>
        <location filename="../../ui/views/activities.py" line="101" />
        <source>Alla delmål</source>
        <translation>All delmål</translation>
    </message>
    <message>
        <location filename="../../ui/views/activities.py" line="103" />
        <source>Alla placeringar</source>
        <translation>All placements</translation>
    </message>
    <message>
        <location filename="../../ui/views/activities.py" line="105" />
        <source>Alla typer</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../ui/views/activities.py" line="110" />
        <source>%1 av %2 aktiviteter</source>
        <translation>%1 of %2 activities</translation>
    </message>
    <message>
        <location filename="../../ui/views/activities.py" line="132" />
        <source>Ta bort aktivitet</source>
        <translation>Delete activity</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <location filename="../../ui/views/activity_dialog.py" line="24" />
        <source>Ändra aktivitet</source>
        <translation>Edit activity</translation>
    </message>
    <message>
        <location filename="../../ui/views/activity_dialog.py" line="24" />
        <source>Ny aktivitet</source>
        <translation>New activity</translation>
    </message>
    <message>
        <location filename="../../ui/views/activity_dialog.py" line="29" />
        <source>t.ex. ALS-kurs</source>
        <translation>e.g. ALS course</translation>
    </message>
    <message>
        <location filename="../../ui/views/activity_dialog.py" line="35" />
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <location filename="../../ui/views/activity_dialog.py" line="37" />
        <source>(ingen)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/views/activity_dialog.py" line="51" />
        <source>&amp;Typ</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <location filename="../../ui/views/activity_dialog.py" line="52" />
        <source>T&amp;itel</source>
        <translation>T&amp;itle</translation>
    </message>
    <message>
        <location filename="../../ui/views/activity_dialog.py" line="53" />
        <source>&amp;Datum</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location filename="../../ui/views/activity_dialog.py" line="54" />
        <source>T&amp;immar</source>
        <translation>H&amp;ours</translation>
    </message>
    <message>
        <location filename="../../ui/views/activity_dialog.py" line="55" />
        <source>&amp;Placering</source>
        <translation>&amp;Placement</translation>
    </message>
    <message>
        <location filename="../../ui/views/activity_dialog.py" line="56" />
        <source>Delmål</source>
        <translation>Delmål</translation>
    </message>
    <message>
        <location filename="../../ui/views/activity_dialog.py" line="57" />
        <source>&amp;Anteckningar</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <location filename="../../ui/views/activity_dialog.py" line="59" />
        <source>Spara (Ctrl+Enter)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/views/activity_dialog.py" line="60" />
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/views/activity_dialog.py" line="102" />
        <source>Skriv en titel.</source>
        <translation>Write a title.</translation>
    </message>
</context>
<context>
    <name>ActivityModel</name>
    <message>
        <location filename="../../ui/models/activities.py" line="35" />
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/models/activities.py" line="35" />
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/models/activities.py" line="35" />
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/models/activities.py" line="35" />
        <source>Timmar</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location filename="../../ui/models/activities.py" line="36" />
        <source>Delmål</source>
        <translation>Delmål</translation>
    </message>
    <message>
        <location filename="../../ui/models/activities.py" line="36" />
        <source>Placering</source>
        <translation>Placement</translation>
    </message>
</context>
<context>
    <name>AssessmentsView</name>
    <message>
        <location filename="../../ui/views/assessments.py" line="13" />
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/views/assessments.py" line="13" />
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <location filename="../../ui/views/assessments.py" line="13" />
        <source>Bedömare</source>
        <translation>Assessor</translation>
    </message>
    <message>
        <location filename="../../ui/views/assessments.py" line="13" />
        <source>Delmål</source>
        <translation>Delmål</translation>
    </message>
    <message>
        <location filename="../../ui/views/assessments.py" line="14" />
        <source>Signerad</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../ui/views/assessments.py" line="15" />
        <location filename="../../ui/views/assessments.py" line="27" />
        <source>Bedömningar</source>
        <translation>Assessments</translation>
    </message>
    <message>
        <location filename="../../ui/views/assessments.py" line="17" />
        <source>Inga bedömningar ännu.

Bedömningar (Mini-CEX, DOPS, CbD …) fylls i och signeras av din handledare i hens eget btdesk. Du får dem som en signerad fil – via e-post, USB-minne eller synkmappen – och släpper filen på det här fönstret. De visas då här och under sina delmål.</source>
        <translation>No assessments yet.

Assessments (Mini-CEX, DOPS, CbD …) are filled in and signed by your supervisor in their own btdesk. You receive them as a signed file – by e-mail, USB stick or the sync folder – and drop the file on this window. They then appear here and under their delmål.</translation>
    </message>
    <message>
        <location filename="../../ui/views/assessments.py" line="36" />
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../ui/views/assessments.py" line="36" />
        <source>nej</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>ChecklistsView</name>
    <message>
        <location filename="../../ui/views/checklists.py" line="20" />
        <source>Placering</source>
        <translation>Placement</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="22" />
        <source>Klar</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="22" />
        <source>Punkt</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="22" />
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="22" />
        <source>Underlag</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="23" />
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="24" />
        <source>Checklista</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="27" />
        <source>&amp;Bocka av med underlag …</source>
        <translation>&amp;Tick off with evidence …</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="29" />
        <source>&amp;Ta bort bock</source>
        <translation>&amp;Remove tick</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="32" />
        <source>&amp;Placering:</source>
        <translation>&amp;Placement:</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="41" />
        <source>Checklistor</source>
        <translation>Checklists</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="74" />
        <source>Aktivitet</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="74" />
        <source>Bedömning</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="75" />
        <source>Handledningsämne</source>
        <translation>Supervision topic</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="75" />
        <source>Fördjupning</source>
        <translation>Deeper study</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="85" />
        <source>%1 av %2 bedömningar</source>
        <translation>%1 of %2 assessments</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="93" />
        <source>%1 av %2 klara</source>
        <translation>%1 of %2 done</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="110" />
        <source>Bocka av</source>
        <translation>Tick off</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="121" />
        <source>Ta bort bock</source>
        <translation>Remove tick</translation>
    </message>
</context>
<context>
    <name>DelmalView</name>
    <message>
        <location filename="../../ui/views/delmal.py" line="18" />
        <location filename="../../ui/views/delmal.py" line="51" />
        <source>Delmål</source>
        <translation>Delmål</translation>
    </message>
    <message>
        <location filename="../../ui/views/delmal.py" line="29" />
        <source>Presentera</source>
        <translation>Present</translation>
    </message>
    <message>
        <location filename="../../ui/views/delmal.py" line="29" />
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/views/delmal.py" line="29" />
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/views/delmal.py" line="29" />
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/views/delmal.py" line="30" />
        <source>Underlag för delmålet</source>
        <translation>Evidence for the delmål</translation>
    </message>
    <message>
        <location filename="../../ui/views/delmal.py" line="32" />
        <source>Bocka i det underlag du vill visa vid slutbedömningen (Mellanslag).</source>
        <translation>Tick the evidence you want to present at the final assessment (Space).</translation>
    </message>
    <message>
        <location filename="../../ui/views/delmal.py" line="34" />
        <source>&amp;Historik</source>
        <translation>&amp;History</translation>
    </message>
    <message>
        <location filename="../../ui/views/delmal.py" line="103" />
        <source>Välj underlag för %1</source>
        <translation>Choose evidence for %1</translation>
    </message>
</context>
<context>
    <name>DocumentsView</name>
    <message>
        <location filename="../../ui/views/documents.py" line="21" />
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/views/documents.py" line="21" />
        <source>Fil</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/views/documents.py" line="21" />
        <source>Storlek</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ui/views/documents.py" line="21" />
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/views/documents.py" line="22" />
        <source>Delmål</source>
        <translation>Delmål</translation>
    </message>
    <message>
        <location filename="../../ui/views/documents.py" line="23" />
        <location filename="../../ui/views/documents.py" line="40" />
        <source>Dokument</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../ui/views/documents.py" line="25" />
        <source>Dra och släpp filer på fönstret för att bifoga dem.</source>
        <translation>Drag and drop files onto the window to attach them.</translation>
    </message>
    <message>
        <location filename="../../ui/views/documents.py" line="26" />
        <source>&amp;Bifoga fil … (Ctrl+O)</source>
        <translation>&amp;Attach file … (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../../ui/views/documents.py" line="28" />
        <source>Ö&amp;ppna</source>
        <translation>O&amp;pen</translation>
    </message>
    <message>
        <location filename="../../ui/views/documents.py" line="30" />
        <source>Ta &amp;bort</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location filename="../../ui/views/documents.py" line="32" />
        <source>Ta bort dokument</source>
        <translation>Delete document</translation>
    </message>
    <message>
        <location filename="../../ui/views/documents.py" line="33" />
        <source>&amp;Historik</source>
        <translation>&amp;History</translation>
    </message>
    <message>
        <location filename="../../ui/views/documents.py" line="64" />
        <source>Bifoga dokument</source>
        <translation>Attach document</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <location filename="../../ui/views/checklists.py" line="144" />
        <source>Bocka av</source>
        <translation>Tick off</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="147" />
        <source>(inget underlag)</source>
        <translation>(no evidence)</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="159" />
        <source>Punkt</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="160" />
        <source>&amp;Underlag</source>
        <translation>&amp;Evidence</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="161" />
        <source>&amp;Kommentar</source>
        <translation>&amp;Comment</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="163" />
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ExportView</name>
    <message>
        <location filename="../../ui/views/export.py" line="13" />
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/views/export.py" line="14" />
        <source>Här kommer du att kunna skicka en signerad bunt till BT-enheten och skriva ut slutbedömningens underlag och intygen som PDF. Funktionerna finns ännu inte i den här versionen.</source>
        <translation>Here you will send a signed bundle to the BT unit and print the final-assessment dossier and the certificates as PDF. These functions are not in this version yet.</translation>
    </message>
    <message>
        <location filename="../../ui/views/export.py" line="19" />
        <source>Skicka bunt till BT-enheten …</source>
        <translation>Send bundle to the BT unit …</translation>
    </message>
    <message>
        <location filename="../../ui/views/export.py" line="19" />
        <source>Skriv ut underlag (PDF) …</source>
        <translation>Print dossier (PDF) …</translation>
    </message>
    <message>
        <location filename="../../ui/views/export.py" line="20" />
        <source>Skriv ut intyg (Bilaga 1–4) …</source>
        <translation>Print certificates (Bilaga 1–4) …</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../ui/views/history_dialog.py" line="18" />
        <source>Historik: %1</source>
        <translation>History: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/history_dialog.py" line="19" />
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/views/history_dialog.py" line="19" />
        <source>Tid</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/views/history_dialog.py" line="19" />
        <source>Av</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../ui/views/history_dialog.py" line="19" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/history_dialog.py" line="27" />
        <source>borttagen</source>
        <translation>deleted</translation>
    </message>
    <message>
        <location filename="../../ui/views/history_dialog.py" line="27" />
        <source>signerad</source>
        <translation>signed</translation>
    </message>
    <message>
        <location filename="../../ui/views/history_dialog.py" line="36" />
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/views/labels.py" line="11" />
        <source>Kurs</source>
        <translation>Course</translation>
    </message>
    <message>
        <location filename="../../ui/views/labels.py" line="12" />
        <source>Seminarium</source>
        <translation>Seminar</translation>
    </message>
    <message>
        <location filename="../../ui/views/labels.py" line="13" />
        <source>Självstudier</source>
        <translation>Self-study</translation>
    </message>
    <message>
        <location filename="../../ui/views/labels.py" line="14" />
        <source>Undervisningseftermiddag</source>
        <translation>Teaching afternoon</translation>
    </message>
    <message>
        <location filename="../../ui/views/labels.py" line="15" />
        <source>Klinisk aktivitet</source>
        <translation>Clinical activity</translation>
    </message>
    <message>
        <location filename="../../ui/views/labels.py" line="21" />
        <source>Handledningssamtal</source>
        <translation>Supervision talk</translation>
    </message>
    <message>
        <location filename="../../ui/views/labels.py" line="22" />
        <source>Överlämningssamtal</source>
        <translation>Hand-over talk</translation>
    </message>
    <message>
        <location filename="../../ui/views/labels.py" line="28" />
        <source>Inget underlag</source>
        <translation>No evidence</translation>
    </message>
    <message>
        <location filename="../../ui/views/labels.py" line="29" />
        <source>Påbörjat</source>
        <translation>Started</translation>
    </message>
    <message>
        <location filename="../../ui/views/labels.py" line="30" />
        <source>Underlag finns</source>
        <translation>Evidenced</translation>
    </message>
    <message>
        <location filename="../../ui/views/labels.py" line="36" />
        <source>Aktivitet</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../ui/views/labels.py" line="37" />
        <source>Samtal</source>
        <translation>Talks</translation>
    </message>
    <message>
        <location filename="../../ui/views/labels.py" line="38" />
        <source>Dokument</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../ui/views/labels.py" line="39" />
        <source>Reflektion</source>
        <translation>Reflection</translation>
    </message>
    <message>
        <location filename="../../ui/views/labels.py" line="40" />
        <source>Bedömning</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <location filename="../../ui/views/labels.py" line="41" />
        <source>Placering</source>
        <translation>Placement</translation>
    </message>
    <message>
        <location filename="../../ui/views/labels.py" line="42" />
        <source>Checklistpunkt</source>
        <translation>Checklist item</translation>
    </message>
    <message>
        <location filename="../../ui/views/labels.py" line="43" />
        <source>Urval</source>
        <translation>Selection</translation>
    </message>
    <message>
        <location filename="../../ui/views/labels.py" line="44" />
        <source>BT</source>
        <translation>BT</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="62" />
        <source>Översikt</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="62" />
        <source>Placeringar</source>
        <translation>Placements</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="63" />
        <source>Checklistor</source>
        <translation>Checklists</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="63" />
        <source>Aktiviteter</source>
        <translation>Activities</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="64" />
        <source>Handledning</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="64" />
        <source>Bedömningar</source>
        <translation>Assessments</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="65" />
        <source>Delmål</source>
        <translation>Delmål</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="65" />
        <source>Dokument</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="65" />
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="71" />
        <source>Vyer</source>
        <translation>Views</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="76" />
        <source>Öppnar portföljen …</source>
        <translation>Opening the portfolio …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="96" />
        <source>&amp;Arkiv</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="97" />
        <source>&amp;Ny aktivitet …</source>
        <translation>&amp;New activity …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="98" />
        <source>&amp;Bifoga dokument …</source>
        <translation>&amp;Attach document …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="100" />
        <source>&amp;Sök …</source>
        <translation>&amp;Search …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="102" />
        <source>&amp;Avsluta</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="103" />
        <source>&amp;Redigera</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="104" />
        <source>Ångra</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="106" />
        <source>Gör om</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="111" />
        <source>&amp;Historik för markerad post …</source>
        <translation>&amp;History of the selected entry …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="113" />
        <source>&amp;Visa</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117" />
        <source>&amp;Inställningar</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="118" />
        <source>&amp;Språk</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="149" />
        <location filename="../../ui/main_window.py" line="225" />
        <source>Portfölj: %1</source>
        <translation>Portfolio: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="202" />
        <source>Det finns ingen portfölj i %1 ännu.</source>
        <translation>There is no portfolio in %1 yet.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="204" />
        <source>Skapa en demoportfölj</source>
        <translation>Create a demo portfolio</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="258" />
        <source>Sparat: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="270" />
        <source>Borttaget; Ctrl+Z ångrar.</source>
        <translation>Removed; Ctrl+Z undoes it.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="295" />
        <source>Ändra aktivitet</source>
        <translation>Edit activity</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="295" />
        <source>Ny aktivitet</source>
        <translation>New activity</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="304" />
        <source>Markera en post först.</source>
        <translation>Select an entry first.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="336" />
        <source>Bifoga %1</source>
        <translation>Attach %1</translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <location filename="../../ui/views/overview.py" line="31" />
        <source>Tjänstgjorda månader</source>
        <translation>Months served</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="36" />
        <source>Delmål</source>
        <translation>Delmål</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="36" />
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="36" />
        <source>Underlag</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="37" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="51" />
        <source>Att göra i placeringen</source>
        <translation>To do in this placement</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="53" />
        <source>Varningar</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="73" />
        <source>Profil: %1</source>
        <translation>Profile: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="78" />
        <source>%1 · start %2 · %3 av %4 månader (heltid) · primärvård %5 mån · akut sjukvård %6 mån</source>
        <translation>%1 · start %2 · %3 of %4 months (full time) · primary care %5 mo · emergency care %6 mo</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="84" />
        <source>Månad %1 av %2</source>
        <translation>Month %1 of %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="87" />
        <source>I fas med programmet.</source>
        <translation>In phase with the programme.</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="89" />
        <source>Efter i fas: </source>
        <translation>Behind the programme: </translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="101" />
        <source>&lt;b&gt;%1&lt;/b&gt;, %2: %3 av %4 checklistpunkter klara; %5 av %6 bedömningar.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;, %2: %3 of %4 checklist items done; %5 of %6 assessments.</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="107" />
        <source>… och %1 till</source>
        <translation>… and %1 more</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="109" />
        <source>Ingen placering pågår i dag.</source>
        <translation>No placement is running today.</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="111" />
        <source>Nästa handledningssamtal: %1</source>
        <translation>Next supervision talk: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="114" />
        <source>Inga varningar.</source>
        <translation>No warnings.</translation>
    </message>
</context>
<context>
    <name>PlacementDialog</name>
    <message>
        <location filename="../../ui/views/placement_dialog.py" line="23" />
        <source>Ändra placering</source>
        <translation>Edit placement</translation>
    </message>
    <message>
        <location filename="../../ui/views/placement_dialog.py" line="23" />
        <source>Ny placering</source>
        <translation>New placement</translation>
    </message>
    <message>
        <location filename="../../ui/views/placement_dialog.py" line="43" />
        <source>&amp;Typ</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <location filename="../../ui/views/placement_dialog.py" line="44" />
        <source>&amp;Arbetsplats</source>
        <translation>&amp;Site</translation>
    </message>
    <message>
        <location filename="../../ui/views/placement_dialog.py" line="45" />
        <source>&amp;Handledare</source>
        <translation>&amp;Supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/views/placement_dialog.py" line="46" />
        <source>&amp;Från</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <location filename="../../ui/views/placement_dialog.py" line="47" />
        <source>&amp;Till och med</source>
        <translation>&amp;Until</translation>
    </message>
    <message>
        <location filename="../../ui/views/placement_dialog.py" line="48" />
        <source>&amp;Omfattning</source>
        <translation>&amp;Extent</translation>
    </message>
    <message>
        <location filename="../../ui/views/placement_dialog.py" line="50" />
        <source>Spara (Ctrl+Enter)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/views/placement_dialog.py" line="51" />
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/views/placement_dialog.py" line="56" />
        <source>&lt;b&gt;Planen enligt HSLF-FS 2021:8&lt;/b&gt;</source>
        <translation>&lt;b&gt;The plan under HSLF-FS 2021:8&lt;/b&gt; (warnings in Swedish)</translation>
    </message>
    <message>
        <location filename="../../ui/views/placement_dialog.py" line="91" />
        <source>Planen uppfyller reglerna.</source>
        <translation>The plan meets the rules.</translation>
    </message>
</context>
<context>
    <name>PlacementsView</name>
    <message>
        <location filename="../../ui/views/placements.py" line="15" />
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="15" />
        <source>Arbetsplats</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="15" />
        <source>Handledare</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="15" />
        <source>Från</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="16" />
        <source>Till och med</source>
        <translation>Until</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="16" />
        <source>Omfattning</source>
        <translation>Extent</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="16" />
        <source>Månader</source>
        <translation>Months</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="17" />
        <location filename="../../ui/views/placements.py" line="34" />
        <source>Placeringar</source>
        <translation>Placements</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="21" />
        <source>&amp;Ny placering</source>
        <translation>&amp;New placement</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="23" />
        <source>Ä&amp;ndra</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="25" />
        <source>Ta &amp;bort</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="27" />
        <source>&amp;Historik</source>
        <translation>&amp;History</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="50" />
        <source>Planen uppfyller reglerna.</source>
        <translation>The plan meets the rules.</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="72" />
        <source>Ändra placering</source>
        <translation>Edit placement</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="75" />
        <source>Ny placering</source>
        <translation>New placement</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="83" />
        <source>Ta bort placering</source>
        <translation>Delete placement</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../ui/views/search_dialog.py" line="15" />
        <source>Sök</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ui/views/search_dialog.py" line="17" />
        <source>Sök i aktiviteter, samtal, dokument …</source>
        <translation>Search activities, talks, documents …</translation>
    </message>
    <message>
        <location filename="../../ui/views/search_dialog.py" line="19" />
        <source>Träffar</source>
        <translation>Results</translation>
    </message>
    <message>
        <location filename="../../ui/views/search_dialog.py" line="46" />
        <source>%1 träffar</source>
        <translation>%1 results</translation>
    </message>
</context>
<context>
    <name>TalkDialog</name>
    <message>
        <location filename="../../ui/views/talk_dialog.py" line="29" />
        <source>Ändra samtal</source>
        <translation>Edit talk</translation>
    </message>
    <message>
        <location filename="../../ui/views/talk_dialog.py" line="29" />
        <source>Nytt samtal</source>
        <translation>New talk</translation>
    </message>
    <message>
        <location filename="../../ui/views/talk_dialog.py" line="36" />
        <source>(ingen)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/views/talk_dialog.py" line="41" />
        <source>kommaseparerade namn</source>
        <translation>comma-separated names</translation>
    </message>
    <message>
        <location filename="../../ui/views/talk_dialog.py" line="49" />
        <source>ett ämne per rad</source>
        <translation>one topic per line</translation>
    </message>
    <message>
        <location filename="../../ui/views/talk_dialog.py" line="50" />
        <source>en överenskommelse per rad</source>
        <translation>one agreed action per line</translation>
    </message>
    <message>
        <location filename="../../ui/views/talk_dialog.py" line="57" />
        <source>Överenskommet %1:</source>
        <translation>Agreed on %1:</translation>
    </message>
    <message>
        <location filename="../../ui/views/talk_dialog.py" line="60" />
        <source>Inga överenskommelser från tidigare samtal.</source>
        <translation>No agreed actions from earlier talks.</translation>
    </message>
    <message>
        <location filename="../../ui/views/talk_dialog.py" line="61" />
        <source>Förra gången</source>
        <translation>Last time</translation>
    </message>
    <message>
        <location filename="../../ui/views/talk_dialog.py" line="65" />
        <source>&amp;Typ</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <location filename="../../ui/views/talk_dialog.py" line="66" />
        <source>&amp;Datum</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location filename="../../ui/views/talk_dialog.py" line="67" />
        <source>&amp;Placering</source>
        <translation>&amp;Placement</translation>
    </message>
    <message>
        <location filename="../../ui/views/talk_dialog.py" line="68" />
        <source>D&amp;eltagare</source>
        <translation>P&amp;articipants</translation>
    </message>
    <message>
        <location filename="../../ui/views/talk_dialog.py" line="69" />
        <source>Ä&amp;mnen</source>
        <translation>To&amp;pics</translation>
    </message>
    <message>
        <location filename="../../ui/views/talk_dialog.py" line="70" />
        <source>&amp;Anteckningar</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <location filename="../../ui/views/talk_dialog.py" line="71" />
        <source>&amp;Överenskommelser</source>
        <translation>&amp;Agreed actions</translation>
    </message>
    <message>
        <location filename="../../ui/views/talk_dialog.py" line="72" />
        <source>Delmål</source>
        <translation>Delmål</translation>
    </message>
    <message>
        <location filename="../../ui/views/talk_dialog.py" line="76" />
        <source>Spara (Ctrl+Enter)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/views/talk_dialog.py" line="77" />
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>TalksView</name>
    <message>
        <location filename="../../ui/views/talks.py" line="17" />
        <source>Placering</source>
        <translation>Placement</translation>
    </message>
    <message>
        <location filename="../../ui/views/talks.py" line="21" />
        <source>Planerat</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../../ui/views/talks.py" line="21" />
        <source>Hållet</source>
        <translation>Held</translation>
    </message>
    <message>
        <location filename="../../ui/views/talks.py" line="21" />
        <location filename="../../ui/views/talks.py" line="23" />
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/views/talks.py" line="22" />
        <source>Samtalsschema</source>
        <translation>Talk schedule</translation>
    </message>
    <message>
        <location filename="../../ui/views/talks.py" line="23" />
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/views/talks.py" line="23" />
        <source>Ämnen</source>
        <translation>Topics</translation>
    </message>
    <message>
        <location filename="../../ui/views/talks.py" line="23" />
        <source>Överenskommelser</source>
        <translation>Agreed actions</translation>
    </message>
    <message>
        <location filename="../../ui/views/talks.py" line="25" />
        <source>Samtal</source>
        <translation>Talks</translation>
    </message>
    <message>
        <location filename="../../ui/views/talks.py" line="27" />
        <source>&amp;Nytt samtal …</source>
        <translation>&amp;New talk …</translation>
    </message>
    <message>
        <location filename="../../ui/views/talks.py" line="29" />
        <source>Ä&amp;ndra</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/views/talks.py" line="31" />
        <source>Ta &amp;bort</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location filename="../../ui/views/talks.py" line="33" />
        <source>Ta bort samtal</source>
        <translation>Delete talk</translation>
    </message>
    <message>
        <location filename="../../ui/views/talks.py" line="34" />
        <source>&amp;Historik</source>
        <translation>&amp;History</translation>
    </message>
    <message>
        <location filename="../../ui/views/talks.py" line="37" />
        <source>Placering:</source>
        <translation>Placement:</translation>
    </message>
    <message>
        <location filename="../../ui/views/talks.py" line="50" />
        <source>Handledning</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <location filename="../../ui/views/talks.py" line="87" />
        <source>Ingen placering vald.</source>
        <translation>No placement chosen.</translation>
    </message>
    <message>
        <location filename="../../ui/views/talks.py" line="100" />
        <source>saknas</source>
        <translation>missing</translation>
    </message>
    <message>
        <location filename="../../ui/views/talks.py" line="103" />
        <source>%1 samtal hållna; %2 väntade hittills, %3 under hela placeringen (var %4:e dag).</source>
        <translation>%1 talks held; %2 expected so far, %3 in the whole placement (every %4 days).</translation>
    </message>
    <message>
        <location filename="../../ui/views/talks.py" line="127" />
        <source>Ändra samtal</source>
        <translation>Edit talk</translation>
    </message>
    <message>
        <location filename="../../ui/views/talks.py" line="127" />
        <source>Nytt samtal</source>
        <translation>New talk</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="26" />
        <source>Tidslinje över placeringarna</source>
        <translation>Timeline of the placements</translation>
    </message>
</context>
</TS>
