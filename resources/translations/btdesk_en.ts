<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="sv_SE">
<context>
    <name>ActivitiesView</name>
    <message>
        <location filename="../../ui/views/activities.py" line="41" />
        <location filename="../../ui/views/activities.py" line="87" />
        <source>Aktiviteter</source>
        <translation>Activities</translation>
    </message>
    <message>
        <location filename="../../ui/views/activities.py" line="48" />
        <source>Filtrera på text …</source>
        <translation>Filter by text …</translation>
    </message>
    <message>
        <location filename="../../ui/views/activities.py" line="53" />
        <source>Delmål</source>
        <translation>Delmål</translation>
    </message>
    <message>
        <location filename="../../ui/views/activities.py" line="53" />
        <source>Placering</source>
        <translation>Placement</translation>
    </message>
    <message>
        <location filename="../../ui/views/activities.py" line="54" />
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/views/activities.py" line="64" />
        <source>&amp;Ny aktivitet (Ctrl+N)</source>
        <translation>&amp;New activity (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/views/activities.py" line="66" />
        <source>Ä&amp;ndra</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/views/activities.py" line="68" />
        <source>Ta &amp;bort</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location filename="../../ui/views/activities.py" line="70" />
        <source>&amp;Historik</source>
        <translation>&amp;History</translation>
    </message>
    <message>
        <location filename="../../ui/views/activities.py" line="72" />
        <source>Skriv &amp;reflektion …</source>
        <translation>Write &amp;reflection …</translation>
    </message>
    <message>
        <location filename="../../ui/views/activities.py" line="113" />
        <source>Alla delmål</source>
        <translation>All delmål</translation>
    </message>
    <message>
        <location filename="../../ui/views/activities.py" line="115" />
        <source>Alla placeringar</source>
        <translation>All placements</translation>
    </message>
    <message>
        <location filename="../../ui/views/activities.py" line="117" />
        <source>Alla typer</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../ui/views/activities.py" line="122" />
        <source>%1 av %2 aktiviteter</source>
        <translation>%1 of %2 activities</translation>
    </message>
    <message>
        <location filename="../../ui/views/activities.py" line="144" />
        <source>Ta bort aktivitet</source>
        <translation>Delete activity</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <location filename="../../ui/views/activity_dialog.py" line="31" />
        <source>Ändra aktivitet</source>
        <translation>Edit activity</translation>
    </message>
    <message>
        <location filename="../../ui/views/activity_dialog.py" line="31" />
        <source>Ny aktivitet</source>
        <translation>New activity</translation>
    </message>
    <message>
        <location filename="../../ui/views/activity_dialog.py" line="36" />
        <source>t.ex. ALS-kurs</source>
        <translation>e.g. ALS course</translation>
    </message>
    <message>
        <location filename="../../ui/views/activity_dialog.py" line="42" />
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <location filename="../../ui/views/activity_dialog.py" line="44" />
        <source>(ingen)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/views/activity_dialog.py" line="56" />
        <source>&amp;Typ</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <location filename="../../ui/views/activity_dialog.py" line="57" />
        <source>T&amp;itel</source>
        <translation>T&amp;itle</translation>
    </message>
    <message>
        <location filename="../../ui/views/activity_dialog.py" line="58" />
        <source>&amp;Datum</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location filename="../../ui/views/activity_dialog.py" line="59" />
        <source>T&amp;immar</source>
        <translation>H&amp;ours</translation>
    </message>
    <message>
        <location filename="../../ui/views/activity_dialog.py" line="60" />
        <source>&amp;Placering</source>
        <translation>&amp;Placement</translation>
    </message>
    <message>
        <location filename="../../ui/views/activity_dialog.py" line="61" />
        <source>Delmål</source>
        <translation>Delmål</translation>
    </message>
    <message>
        <location filename="../../ui/views/activity_dialog.py" line="62" />
        <source>&amp;Anteckningar</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <location filename="../../ui/views/activity_dialog.py" line="111" />
        <source>Antalet timmar kan inte vara negativt.</source>
        <translation>The number of hours cannot be negative.</translation>
    </message>
    <message>
        <location filename="../../ui/views/activity_dialog.py" line="117" />
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
        <location filename="../../ui/views/assessments.py" line="20" />
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/views/assessments.py" line="20" />
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <location filename="../../ui/views/assessments.py" line="20" />
        <source>Bedömare</source>
        <translation>Assessor</translation>
    </message>
    <message>
        <location filename="../../ui/views/assessments.py" line="20" />
        <source>Delmål</source>
        <translation>Delmål</translation>
    </message>
    <message>
        <location filename="../../ui/views/assessments.py" line="21" />
        <source>Signatur</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location filename="../../ui/views/assessments.py" line="23" />
        <location filename="../../ui/views/assessments.py" line="55" />
        <source>Bedömningar</source>
        <translation>Assessments</translation>
    </message>
    <message>
        <location filename="../../ui/views/assessments.py" line="26" />
        <source>Inga bedömningar ännu. Be din handledare om en med Begär bedömning … nedan.

Bedömningar (Mini-CEX, DOPS, CbD …) fylls i och signeras av din handledare i hens eget btdesk. Du får dem som en signerad fil – via e-post, USB-minne eller synkmappen – och släpper filen på det här fönstret. De visas då här och under sina delmål.</source>
        <translation>No assessments yet. Ask your supervisor for one with Request assessment … below.

Assessments (Mini-CEX, DOPS, CbD …) are filled in and signed by your supervisor in their own btdesk. You receive them as a signed file – by e-mail, USB stick or the sync folder – and drop the file on this window. They then appear here and under their delmål.</translation>
    </message>
    <message>
        <location filename="../../ui/views/assessments.py" line="36" />
        <source>Ä&amp;ndra</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/views/assessments.py" line="38" />
        <source>Skriv &amp;reflektion …</source>
        <translation>Write &amp;reflection …</translation>
    </message>
    <message>
        <location filename="../../ui/views/assessments.py" line="40" />
        <source>&amp;Historik</source>
        <translation>&amp;History</translation>
    </message>
    <message>
        <location filename="../../ui/views/assessments.py" line="42" />
        <source>&amp;Bekräfta bedömare …</source>
        <translation>&amp;Confirm assessor …</translation>
    </message>
    <message>
        <location filename="../../ui/views/assessments.py" line="43" />
        <source>Efter att ha jämfört fingeravtrycket med bedömaren, t.ex. per telefon</source>
        <translation>After comparing the fingerprint with the assessor, e.g. by phone</translation>
    </message>
    <message>
        <location filename="../../ui/views/assessments.py" line="45" />
        <source>Be&amp;gär bedömning …</source>
        <translation>Re&amp;quest assessment …</translation>
    </message>
    <message>
        <location filename="../../ui/views/assessments.py" line="61" />
        <source>verifierad</source>
        <translation>verified</translation>
    </message>
    <message>
        <location filename="../../ui/views/assessments.py" line="61" />
        <source>bekräftad</source>
        <translation>confirmed</translation>
    </message>
    <message>
        <location filename="../../ui/views/assessments.py" line="62" />
        <source>ej bekräftad</source>
        <translation>not confirmed</translation>
    </message>
    <message>
        <location filename="../../ui/views/assessments.py" line="62" />
        <source>ogiltig</source>
        <translation>invalid</translation>
    </message>
    <message>
        <location filename="../../ui/views/assessments.py" line="63" />
        <source>egen signatur</source>
        <translation>own signature</translation>
    </message>
    <message>
        <location filename="../../ui/views/assessments.py" line="63" />
        <source>osignerad</source>
        <translation>unsigned</translation>
    </message>
    <message>
        <location filename="../../ui/views/assessments.py" line="92" />
        <source>Bekräfta bedömare</source>
        <translation>Confirm assessor</translation>
    </message>
    <message>
        <location filename="../../ui/views/assessments.py" line="93" />
        <source>Jämför fingeravtrycket med %1, t.ex. per telefon:

%2

Stämmer det?</source>
        <translation>Compare the fingerprint with %1, e.g. by phone:

%2

Does it match?</translation>
    </message>
</context>
<context>
    <name>CardDialog</name>
    <message>
        <location filename="../../ui/card_dialog.py" line="32" />
        <source>Använd kort</source>
        <translation>Use a card</translation>
    </message>
    <message>
        <location filename="../../ui/card_dialog.py" line="34" />
        <source>Signera med ditt e-tjänstekort (SITHS) eller annat kort via PKCS#11. Nyckeln lämnar aldrig kortet.</source>
        <translation>Sign with your SITHS card or another card through PKCS#11. The key never leaves the card.</translation>
    </message>
    <message>
        <location filename="../../ui/card_dialog.py" line="38" />
        <source>Kortprogrammets bibliotek (Net iD eller OpenSC)</source>
        <translation>The card middleware's library (Net iD or OpenSC)</translation>
    </message>
    <message>
        <location filename="../../ui/card_dialog.py" line="39" />
        <source>Sök kort</source>
        <translation>Find cards</translation>
    </message>
    <message>
        <location filename="../../ui/card_dialog.py" line="45" />
        <source>Kort</source>
        <translation>Card</translation>
    </message>
    <message>
        <location filename="../../ui/card_dialog.py" line="45" />
        <source>Certifikat</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../ui/card_dialog.py" line="45" />
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/card_dialog.py" line="46" />
        <source>Användning</source>
        <translation>Usage</translation>
    </message>
    <message>
        <location filename="../../ui/card_dialog.py" line="46" />
        <source>Utfärdare</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <location filename="../../ui/card_dialog.py" line="52" />
        <source>PIN-kod för kortet</source>
        <translation>The card's PIN</translation>
    </message>
    <message>
        <location filename="../../ui/card_dialog.py" line="53" />
        <source>RSA-PSS i stället för PKCS#1 v1.5 (RSA-nycklar)</source>
        <translation>RSA-PSS instead of PKCS#1 v1.5 (RSA keys)</translation>
    </message>
    <message>
        <location filename="../../ui/card_dialog.py" line="57" />
        <source>Testsignera</source>
        <translation>Test signature</translation>
    </message>
    <message>
        <location filename="../../ui/card_dialog.py" line="59" />
        <source>Använd kortet</source>
        <translation>Use this card</translation>
    </message>
    <message>
        <location filename="../../ui/card_dialog.py" line="61" />
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/card_dialog.py" line="79" />
        <source>Inget kortprogram hittades; ange sökvägen till dess PKCS#11-bibliotek.</source>
        <translation>No card middleware was found; give the path of its PKCS#11 library.</translation>
    </message>
    <message>
        <location filename="../../ui/card_dialog.py" line="104" />
        <source>%1 certifikat hittades.</source>
        <translation>%1 certificates found.</translation>
    </message>
    <message>
        <location filename="../../ui/card_dialog.py" line="124" />
        <location filename="../../ui/card_dialog.py" line="147" />
        <source>Välj ett certifikat först.</source>
        <translation>Choose a certificate first.</translation>
    </message>
    <message>
        <location filename="../../ui/card_dialog.py" line="136" />
        <source>Kortets nyckel hör inte till certifikatet.</source>
        <translation>The card's key does not belong to the certificate.</translation>
    </message>
    <message>
        <location filename="../../ui/card_dialog.py" line="138" />
        <source>Testsignaturen godkändes (%1).</source>
        <translation>The test signature was accepted (%1).</translation>
    </message>
    <message>
        <location filename="../../ui/card_dialog.py" line="157" />
        <source>Kortet används nu för dina underskrifter: %1.</source>
        <translation>The card now makes your signatures: %1.</translation>
    </message>
</context>
<context>
    <name>CertificateDetailsDialog</name>
    <message>
        <location filename="../../ui/views/certificate_details_dialog.py" line="43" />
        <source>Uppgifter för intyg</source>
        <translation>Details for certificates</translation>
    </message>
    <message>
        <location filename="../../ui/views/certificate_details_dialog.py" line="46" />
        <source>Uppgifterna skrivs på intygen till Socialstyrelsen. De sparas bara på den här datorn och följer aldrig med i en bunt.</source>
        <translation>These details are printed on the certificates for Socialstyrelsen. They are kept on this computer only and never travel in a bundle.</translation>
    </message>
    <message>
        <location filename="../../ui/views/certificate_details_dialog.py" line="50" />
        <source>Sökande</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/views/certificate_details_dialog.py" line="63" />
        <source>Legitimation %1 (land, datum)</source>
        <translation>Licence %1 (country, date)</translation>
    </message>
    <message>
        <location filename="../../ui/views/certificate_details_dialog.py" line="67" />
        <source>Bilaga nr: %1</source>
        <translation>Bilaga no.: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/certificate_details_dialog.py" line="74" />
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/views/certificate_details_dialog.py" line="76" />
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/views/certificate_details_dialog.py" line="84" />
        <source>Intygsutfärdare</source>
        <translation>Signers</translation>
    </message>
    <message>
        <location filename="../../ui/views/certificate_details_dialog.py" line="91" />
        <source>Lägg till intygsutfärdare</source>
        <translation>Add a signer</translation>
    </message>
    <message>
        <location filename="../../ui/views/certificate_details_dialog.py" line="137" />
        <source>Uppgifterna är sparade.</source>
        <translation>The details were saved.</translation>
    </message>
</context>
<context>
    <name>CertificatesDialog</name>
    <message>
        <location filename="../../ui/views/certificates_dialog.py" line="69" />
        <source>Intyg till Socialstyrelsen</source>
        <translation>Certificates for Socialstyrelsen</translation>
    </message>
    <message>
        <location filename="../../ui/views/certificates_dialog.py" line="72" />
        <source>Intygen skrivs ut, signeras för hand och skickas i original till Socialstyrelsen. btdesk fyller bara i det portföljen visar.</source>
        <translation>The certificates are printed, signed by hand and sent as originals to Socialstyrelsen. btdesk fills in only what the portfolio shows.</translation>
    </message>
    <message>
        <location filename="../../ui/views/certificates_dialog.py" line="82" />
        <source>Delmål för Bilaga 2, t.ex. BT1,BT2</source>
        <translation>Delmål for Bilaga 2, e.g. BT1,BT2</translation>
    </message>
    <message>
        <location filename="../../ui/views/certificates_dialog.py" line="83" />
        <source>Utkast (märkt UTKAST)</source>
        <translation>Draft (with a draft mark)</translation>
    </message>
    <message>
        <location filename="../../ui/views/certificates_dialog.py" line="85" />
        <source>Socialstyrelsens ifyllbara blankett (valfri)</source>
        <translation>Socialstyrelsen's fillable form (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/views/certificates_dialog.py" line="86" />
        <source>Välj blankett …</source>
        <translation>Choose form …</translation>
    </message>
    <message>
        <location filename="../../ui/views/certificates_dialog.py" line="97" />
        <source>Skriv ut som PDF …</source>
        <translation>Print as PDF …</translation>
    </message>
    <message>
        <location filename="../../ui/views/certificates_dialog.py" line="99" />
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/views/certificates_dialog.py" line="122" />
        <source>Socialstyrelsens blankett</source>
        <translation>Socialstyrelsen's form</translation>
    </message>
    <message>
        <location filename="../../ui/views/certificates_dialog.py" line="134" />
        <source>Hämtar uppgifterna …</source>
        <translation>Gathering the details …</translation>
    </message>
    <message>
        <location filename="../../ui/views/certificates_dialog.py" line="152" />
        <source>Kan inte utfärdas ännu. Välj Utkast för att skriva ut ett utkast.</source>
        <translation>Cannot be issued yet. Choose Draft to print a draft.</translation>
    </message>
    <message>
        <location filename="../../ui/views/certificates_dialog.py" line="163" />
        <source>Spara intyg</source>
        <translation>Save certificate</translation>
    </message>
    <message>
        <location filename="../../ui/views/certificates_dialog.py" line="172" />
        <source>Intyget sparat i %1%2.</source>
        <translation>The certificate was saved in %1%2.</translation>
    </message>
    <message>
        <location filename="../../ui/views/certificates_dialog.py" line="173" />
        <source> (utkast)</source>
        <translation> (draft)</translation>
    </message>
    <message>
        <location filename="../../ui/views/certificates_dialog.py" line="174" />
        <source>Skriver ut intyget …</source>
        <translation>Printing the certificate …</translation>
    </message>
    <message>
        <location filename="../../ui/views/certificates_dialog.py" line="80" />
        <source>Intygsutfärdare (tomt: den i underlaget)</source>
        <translation>Signer (empty: the one in the evidence)</translation>
    </message>
</context>
<context>
    <name>CertificatesPage</name>
    <message>
        <location filename="../../ui/unit/pages.py" line="219" />
        <source>Certifikat</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="223" />
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="223" />
        <source>Serienummer</source>
        <translation>Serial number</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="223" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="223" />
        <source>Utfärdat</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="224" />
        <source>Giltigt till</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="227" />
        <source>Utfärda från begäran (CSR) …</source>
        <translation>Issue from a request (CSR) …</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="228" />
        <source>Återkalla markerat …</source>
        <translation>Revoke selected …</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="240" />
        <source>giltigt</source>
        <translation>valid</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="240" />
        <source>återkallat</source>
        <translation>revoked</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="240" />
        <source>utgånget</source>
        <translation>expired</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="246" />
        <source>Enheten har ingen certifikatutfärdare ännu. Skapa den med btdesk unit init-ca.</source>
        <translation>The unit has no certificate authority yet. Create it with btdesk unit init-ca.</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="249" />
        <source>Inga certifikat utfärdade ännu. Utfärda ett från en BT-läkares eller handledares certifikatbegäran (CSR).</source>
        <translation>No certificates issued yet. Issue one from a BT doctor's or supervisor's certificate request (CSR).</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="269" />
        <source>Certifikatbegäran</source>
        <translation>Certificate request</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="269" />
        <source>CSR (*.csr *.pem)</source>
        <translation>CSR (*.csr *.pem)</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="272" />
        <source>Spara certifikatet</source>
        <translation>Save the certificate</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="273" />
        <source>Certifikat (*.crt *.pem)</source>
        <translation>Certificate (*.crt *.pem)</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="290" />
        <source>Markera först ett certifikat i listan.</source>
        <translation>Select a certificate in the list first.</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="292" />
        <source>Återkalla</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="292" />
        <source>Skäl (visas för alla som kontrollerar certifikatet):</source>
        <translation>Reason (shown to everyone who checks the certificate):</translation>
    </message>
</context>
<context>
    <name>ChecklistsView</name>
    <message>
        <location filename="../../ui/views/checklists.py" line="28" />
        <source>Placering</source>
        <translation>Placement</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="30" />
        <source>Klar</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="30" />
        <source>Punkt</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="30" />
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="30" />
        <source>Underlag</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="31" />
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="32" />
        <source>Checklista</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="40" />
        <source>&amp;Bocka av med underlag …</source>
        <translation>&amp;Tick off with evidence …</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="42" />
        <source>&amp;Ta bort bock</source>
        <translation>&amp;Remove tick</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="45" />
        <source>&amp;Placering:</source>
        <translation>&amp;Placement:</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="54" />
        <source>Checklistor</source>
        <translation>Checklists</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="84" />
        <source>Aktivitet</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="84" />
        <source>Bedömning</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="85" />
        <source>Handledningsämne</source>
        <translation>Supervision topic</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="85" />
        <source>Fördjupning</source>
        <translation>Deeper study</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="92" />
        <source>%1 av %2 bedömningar</source>
        <translation>%1 of %2 assessments</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="105" />
        <source>%1 av %2 klara</source>
        <translation>%1 of %2 done</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="122" />
        <source>Bocka av</source>
        <translation>Tick off</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="131" />
        <source>Ta bort bock</source>
        <translation>Remove tick</translation>
    </message>
</context>
<context>
    <name>CohortModel</name>
    <message>
        <source>BT-läkare</source>
        <translation>BT doctor</translation>
    </message>
    <message>
        <source>Startkull</source>
        <translation>Start cohort</translation>
    </message>
    <message>
        <source>Placering</source>
        <translation>Placement</translation>
    </message>
    <message>
        <source>Tjänstgjort</source>
        <translation>Served</translation>
    </message>
    <message>
        <source>Planerat</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Ledighet</source>
        <translation>Leave</translation>
    </message>
    <message>
        <source>Klar / beräknat slut</source>
        <translation>Done / expected end</translation>
    </message>
    <message>
        <source>Bedömningar</source>
        <translation>Assessments</translation>
    </message>
    <message>
        <source>Samtal</source>
        <translation>Talks</translation>
    </message>
    <message>
        <source>Delmål</source>
        <translation>Delmål</translation>
    </message>
    <message>
        <source>I fas</source>
        <translation>In phase</translation>
    </message>
    <message>
        <source>Senaste paket</source>
        <translation>Latest bundle</translation>
    </message>
    <message>
        <source>Konflikter</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>%1 av %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>klar %1</source>
        <translation>done %1</translation>
    </message>
    <message>
        <source>%1 styrkta, %2 påbörjade</source>
        <translation>%1 evidenced, %2 started</translation>
    </message>
    <message>
        <source>slutat</source>
        <translation>left</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>efter</source>
        <translation>behind</translation>
    </message>
    <message>
        <source>aldrig</source>
        <translation>never</translation>
    </message>
</context>
<context>
    <name>CohortPage</name>
    <message>
        <location filename="../../ui/unit/pages.py" line="58" />
        <source>Lämna tillbaka paket …</source>
        <translation>Return bundles …</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="59" />
        <source>BT-läkarens egna signerade paket, som enheten tagit emot dem, t.ex. till en ny dator</source>
        <translation>The BT doctor's own signed bundles as the unit received them, e.g. for a new laptop</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="70" />
        <source>Inga BT-läkares paket har kommit ännu. Importera inkorgen, eller välj paket med Importera paket …</source>
        <translation>No BT doctor's bundles have arrived yet. Import the inbox, or choose bundles with Import bundles …</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="80" />
        <source>Markera först en BT-läkare i listan.</source>
        <translation>Select a BT doctor in the list first.</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="82" />
        <source>Spara paketen i</source>
        <translation>Save the bundles in</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="92" />
        <source>%1 paket från %2 sparade i mappen %3. När hon återställt sin identitet på den nya datorn importerar hon dem, så kommer allt hon synkat tillbaka.</source>
        <translation>%1 bundles from %2 saved in the folder %3. Once she has restored her identity on the new laptop, she imports them and everything she synced comes back.</translation>
    </message>
</context>
<context>
    <name>CohortView</name>
    <message>
        <location filename="../../ui/unit/cohort_view.py" line="76" />
        <source>&lt;b&gt;Kullen&lt;/b&gt; – alla BT-läkare vars paket enheten har tagit emot</source>
        <translation>&lt;b&gt;The cohort&lt;/b&gt; – every BT doctor whose bundles the unit has received</translation>
    </message>
    <message>
        <location filename="../../ui/unit/cohort_view.py" line="81" />
        <source>Startkull</source>
        <translation>Start cohort</translation>
    </message>
    <message>
        <location filename="../../ui/unit/cohort_view.py" line="83" />
        <source>Fas</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location filename="../../ui/unit/cohort_view.py" line="84" />
        <location filename="../../ui/unit/cohort_view.py" line="152" />
        <source>Alla</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/unit/cohort_view.py" line="84" />
        <source>I fas</source>
        <translation>In phase</translation>
    </message>
    <message>
        <location filename="../../ui/unit/cohort_view.py" line="84" />
        <source>Efter i fas</source>
        <translation>Behind</translation>
    </message>
    <message>
        <location filename="../../ui/unit/cohort_view.py" line="86" />
        <source>Bara de som inte skickat något på länge</source>
        <translation>Only those who have sent nothing for a long time</translation>
    </message>
    <message>
        <location filename="../../ui/unit/cohort_view.py" line="87" />
        <source>Startkull:</source>
        <translation>Start cohort:</translation>
    </message>
    <message>
        <location filename="../../ui/unit/cohort_view.py" line="89" />
        <source>Fas:</source>
        <translation>Phase:</translation>
    </message>
    <message>
        <location filename="../../ui/unit/cohort_view.py" line="115" />
        <source>Importera inkorgen</source>
        <translation>Import the inbox</translation>
    </message>
    <message>
        <location filename="../../ui/unit/cohort_view.py" line="116" />
        <source>Importera paket…</source>
        <translation>Import bundles…</translation>
    </message>
    <message>
        <location filename="../../ui/unit/cohort_view.py" line="117" />
        <source>Öppna BT-läkare</source>
        <translation>Open BT doctor</translation>
    </message>
    <message>
        <location filename="../../ui/unit/cohort_view.py" line="118" />
        <source>Exportera CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/unit/cohort_view.py" line="144" />
        <source>Läser in kullen …</source>
        <translation>Loading the cohort …</translation>
    </message>
    <message>
        <location filename="../../ui/unit/cohort_view.py" line="164" />
        <source>%1 BT-läkare visas; %2 efter i fas; %3 har inte skickat något på länge.</source>
        <translation>%1 BT doctors shown; %2 behind; %3 have sent nothing for a long time.</translation>
    </message>
    <message>
        <location filename="../../ui/unit/cohort_view.py" line="170" />
        <source>Något gick fel: %1</source>
        <translation>Something went wrong: %1</translation>
    </message>
    <message>
        <location filename="../../ui/unit/cohort_view.py" line="175" />
        <source>Importera paket</source>
        <translation>Import bundles</translation>
    </message>
    <message>
        <location filename="../../ui/unit/cohort_view.py" line="176" />
        <source>btdesk-paket (*.btbundle)</source>
        <translation>btdesk bundles (*.btbundle)</translation>
    </message>
    <message>
        <location filename="../../ui/unit/cohort_view.py" line="187" />
        <source>Importerar …</source>
        <translation>Importing …</translation>
    </message>
    <message>
        <location filename="../../ui/unit/cohort_view.py" line="236" />
        <source>%v av %m paket</source>
        <translation>%v of %m bundles</translation>
    </message>
    <message>
        <location filename="../../ui/unit/cohort_view.py" line="254" />
        <location filename="../../ui/unit/cohort_view.py" line="268" />
        <source>Exportera kullen</source>
        <translation>Export the cohort</translation>
    </message>
    <message>
        <location filename="../../ui/unit/cohort_view.py" line="255" />
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/unit/cohort_view.py" line="269" />
        <source>Filen kunde inte skrivas: %1</source>
        <translation>The file could not be written: %1</translation>
    </message>
    <message>
        <location filename="../../ui/unit/cohort_view.py" line="271" />
        <source>%1 BT-läkare exporterade till %2.</source>
        <translation>%1 BT doctors exported to %2.</translation>
    </message>
    <message>
        <source>Importerar BT-läkarnas paket …</source>
        <translation>Importing the doctors' bundles …</translation>
    </message>
    <message>
        <source>Importen avbröts efter %1 av %2 paket: %3 paket från %4 BT-läkare importerades och finns kvar; de %5 övriga är orörda.</source>
        <translation>The import was cancelled after %1 of %2 bundles: %3 bundles from %4 doctors were imported and stay; the other %5 are untouched.</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
</context>
<context>
    <name>DelmalView</name>
    <message>
        <location filename="../../ui/views/delmal.py" line="25" />
        <location filename="../../ui/views/delmal.py" line="69" />
        <source>Delmål</source>
        <translation>Delmål</translation>
    </message>
    <message>
        <location filename="../../ui/views/delmal.py" line="36" />
        <source>Presentera</source>
        <translation>Present</translation>
    </message>
    <message>
        <location filename="../../ui/views/delmal.py" line="36" />
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/views/delmal.py" line="36" />
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/views/delmal.py" line="36" />
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/views/delmal.py" line="40" />
        <source>Underlag för delmålet</source>
        <translation>Evidence for the delmål</translation>
    </message>
    <message>
        <location filename="../../ui/views/delmal.py" line="42" />
        <source>Bocka i det underlag du vill visa vid slutbedömningen (Mellanslag).</source>
        <translation>Tick the evidence you want to present at the final assessment (Space).</translation>
    </message>
    <message>
        <location filename="../../ui/views/delmal.py" line="44" />
        <source>&amp;Historik</source>
        <translation>&amp;History</translation>
    </message>
    <message>
        <location filename="../../ui/views/delmal.py" line="46" />
        <source>Skriv &amp;reflektion …</source>
        <translation>Write &amp;reflection …</translation>
    </message>
    <message>
        <location filename="../../ui/views/delmal.py" line="47" />
        <source>Om det markerade underlaget, eller om delmålet om inget är markerat</source>
        <translation>On the marked evidence, or on the delmål when nothing is marked</translation>
    </message>
    <message>
        <location filename="../../ui/views/delmal.py" line="127" />
        <source>Välj underlag för %1</source>
        <translation>Choose evidence for %1</translation>
    </message>
</context>
<context>
    <name>DoctorDialog</name>
    <message>
        <location filename="../../ui/unit/doctor_dialog.py" line="30" />
        <source>%1 – skrivskyddad</source>
        <translation>%1 – read-only</translation>
    </message>
    <message>
        <location filename="../../ui/unit/doctor_dialog.py" line="33" />
        <source>Portföljen som BT-enheten tagit emot den. Bara BT-läkaren kan ändra den, genom att skicka ett nytt paket.</source>
        <translation>The portfolio as the BT unit received it. Only the BT doctor can change it, by sending a new bundle.</translation>
    </message>
    <message>
        <location filename="../../ui/unit/doctor_dialog.py" line="40" />
        <source>Inget BT-underlag har kommit ännu.</source>
        <translation>No BT records have arrived yet.</translation>
    </message>
    <message>
        <location filename="../../ui/unit/doctor_dialog.py" line="40" />
        <location filename="../../ui/unit/doctor_dialog.py" line="45" />
        <source>Översikt</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../ui/unit/doctor_dialog.py" line="46" />
        <source>Placering</source>
        <translation>Placement</translation>
    </message>
    <message>
        <location filename="../../ui/unit/doctor_dialog.py" line="46" />
        <source>Ort</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../../ui/unit/doctor_dialog.py" line="46" />
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/unit/doctor_dialog.py" line="46" />
        <source>Checklista</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <location filename="../../ui/unit/doctor_dialog.py" line="47" />
        <source>Bedömningar</source>
        <translation>Assessments</translation>
    </message>
    <message>
        <location filename="../../ui/unit/doctor_dialog.py" line="47" />
        <source>Samtal</source>
        <translation>Talks</translation>
    </message>
    <message>
        <location filename="../../ui/unit/doctor_dialog.py" line="52" />
        <source>Placeringar</source>
        <translation>Placements</translation>
    </message>
    <message>
        <source>%1 av %2</source>
        <translation>%1 of %2</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <location filename="../../ui/views/document_dialog.py" line="25" />
        <source>Dokument</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_dialog.py" line="35" />
        <source>(ingen)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_dialog.py" line="45" />
        <source>Fil</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_dialog.py" line="46" />
        <source>T&amp;itel</source>
        <translation>T&amp;itle</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_dialog.py" line="47" />
        <source>&amp;Datum</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_dialog.py" line="48" />
        <source>&amp;Aktivitet</source>
        <translation>&amp;Activity</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_dialog.py" line="49" />
        <source>Delmål</source>
        <translation>Delmål</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_dialog.py" line="69" />
        <source>Ge dokumentet en titel.</source>
        <translation>Give the document a title.</translation>
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
        <location filename="../../ui/views/documents.py" line="22" />
        <source>Aktivitet</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../ui/views/documents.py" line="23" />
        <location filename="../../ui/views/documents.py" line="45" />
        <source>Dokument</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../ui/views/documents.py" line="25" />
        <source>Dra och släpp PDF-, PNG- eller JPEG-filer på fönstret, eller på en aktivitet, för att bifoga dem. Ett dokument med delmål räknas som underlag för dem.</source>
        <translation>Drag and drop PDF, PNG or JPEG files on the window, or on an activity, to attach them. A document with delmål counts as evidence for them.</translation>
    </message>
    <message>
        <location filename="../../ui/views/documents.py" line="28" />
        <source>Inga dokument ännu. Bifoga t.ex. ett kursintyg med Bifoga fil …</source>
        <translation>No documents yet. Attach a course certificate, for example, with Attach file …</translation>
    </message>
    <message>
        <location filename="../../ui/views/documents.py" line="29" />
        <source>&amp;Bifoga fil … (Ctrl+Shift+O)</source>
        <translation>&amp;Attach file … (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <location filename="../../ui/views/documents.py" line="31" />
        <source>Ö&amp;ppna</source>
        <translation>O&amp;pen</translation>
    </message>
    <message>
        <location filename="../../ui/views/documents.py" line="33" />
        <source>Ta &amp;bort</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location filename="../../ui/views/documents.py" line="35" />
        <source>Ta bort dokument</source>
        <translation>Delete document</translation>
    </message>
    <message>
        <location filename="../../ui/views/documents.py" line="36" />
        <source>&amp;Historik</source>
        <translation>&amp;History</translation>
    </message>
    <message>
        <location filename="../../ui/views/documents.py" line="38" />
        <source>Ä&amp;ndra uppgifter …</source>
        <translation>Edit &amp;details …</translation>
    </message>
    <message>
        <location filename="../../ui/views/documents.py" line="78" />
        <source>Ändra dokument</source>
        <translation>Edit document</translation>
    </message>
    <message>
        <location filename="../../ui/views/documents.py" line="91" />
        <source>Bifoga dokument</source>
        <translation>Attach document</translation>
    </message>
</context>
<context>
    <name>DraftRecovery</name>
    <message>
        <location filename="../../ui/drafts.py" line="60" />
        <source>btdesk stängdes innan %1 sparades. Vill du återuppta utkastet?</source>
        <translation>btdesk closed before %1 was saved. Do you want to resume the draft?</translation>
    </message>
    <message>
        <location filename="../../ui/drafts.py" line="63" />
        <source>Återuppta</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../ui/drafts.py" line="64" />
        <source>Kasta</source>
        <translation>Discard</translation>
    </message>
</context>
<context>
    <name>EditController</name>
    <message>
        <location filename="../../ui/edit_controller.py" line="53" />
        <source>Sparat: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/edit_controller.py" line="65" />
        <source>Borttaget; Ctrl+Z ångrar.</source>
        <translation>Removed; Ctrl+Z undoes it.</translation>
    </message>
    <message>
        <location filename="../../ui/edit_controller.py" line="81" />
        <source>Ändra aktivitet</source>
        <translation>Edit activity</translation>
    </message>
    <message>
        <location filename="../../ui/edit_controller.py" line="81" />
        <source>Ny aktivitet</source>
        <translation>New activity</translation>
    </message>
    <message>
        <location filename="../../ui/edit_controller.py" line="109" />
        <source>Ny reflektion</source>
        <translation>New reflection</translation>
    </message>
    <message>
        <location filename="../../ui/edit_controller.py" line="121" />
        <source>Bedömningen är signerad av %1 och kan inte ändras – då skulle signaturen inte längre stämma.</source>
        <translation>This assessment is signed by %1 and cannot be changed – the signature would no longer match.</translation>
    </message>
    <message>
        <location filename="../../ui/edit_controller.py" line="122" />
        <source>bedömaren</source>
        <translation>the assessor</translation>
    </message>
    <message>
        <location filename="../../ui/edit_controller.py" line="123" />
        <source>Du kan skriva en egen reflektion till den i stället.</source>
        <translation>You can add your own reflection to it instead.</translation>
    </message>
    <message>
        <location filename="../../ui/edit_controller.py" line="124" />
        <source>Skriv reflektion …</source>
        <translation>Write reflection …</translation>
    </message>
    <message>
        <location filename="../../ui/edit_controller.py" line="125" />
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <location filename="../../ui/views/checklists.py" line="153" />
        <source>Bocka av</source>
        <translation>Tick off</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="156" />
        <source>(inget underlag)</source>
        <translation>(no evidence)</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="168" />
        <source>Punkt</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="169" />
        <source>&amp;Underlag</source>
        <translation>&amp;Evidence</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="170" />
        <source>&amp;Kommentar</source>
        <translation>&amp;Comment</translation>
    </message>
    <message>
        <location filename="../../ui/views/checklists.py" line="172" />
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ExportView</name>
    <message>
        <location filename="../../ui/views/export.py" line="64" />
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/views/export.py" line="65" />
        <source>Skicka en signerad bunt till BT-enheten eller handledaren, via synkmappen eller som fil, och skriv ut slutbedömningens underlag som PDF.</source>
        <translation>Send a signed bundle to the BT unit or your supervisor, through the sync folder or as a file, and print the final-assessment dossier as PDF.</translation>
    </message>
    <message>
        <location filename="../../ui/views/export.py" line="72" />
        <source>Exportera bunt till fil …</source>
        <translation>Export bundle to file …</translation>
    </message>
    <message>
        <location filename="../../ui/views/export.py" line="73" />
        <source>Skriv ut underlag för slutbedömning (PDF) …</source>
        <translation>Print the final-assessment dossier (PDF) …</translation>
    </message>
    <message>
        <location filename="../../ui/views/export.py" line="111" />
        <source>Exportera bunt</source>
        <translation>Export bundle</translation>
    </message>
    <message>
        <location filename="../../ui/views/export.py" line="121" />
        <source>Bunten %1 sparad: %2 poster, %3 bilagor.</source>
        <translation>Bundle %1 saved: %2 records, %3 attachments.</translation>
    </message>
    <message>
        <location filename="../../ui/views/export.py" line="128" />
        <source>Skriv ut underlag</source>
        <translation>Print dossier</translation>
    </message>
    <message>
        <location filename="../../ui/views/export.py" line="138" />
        <source>Sammanställer underlaget …</source>
        <translation>Compiling the dossier …</translation>
    </message>
    <message>
        <location filename="../../ui/views/export.py" line="137" />
        <source>Underlaget sparat i %1 (%2 sidor).</source>
        <translation>Dossier saved in %1 (%2 pages).</translation>
    </message>
    <message>
        <location filename="../../ui/views/export.py" line="74" />
        <source>Intyg till Socialstyrelsen …</source>
        <translation>Certificates for Socialstyrelsen …</translation>
    </message>
    <message>
        <source>Exporterar bunten …</source>
        <translation>Exporting the bundle …</translation>
    </message>
    <message>
        <source>btdesk-paket (*.btbundle)</source>
        <translation>btdesk bundles (*.btbundle)</translation>
    </message>
    <message>
        <location filename="../../ui/views/export.py" line="1" />
        <source>Skicka dina signerade bedömningar och samtal till BT-läkaren eller BT-enheten, via synkmappen eller som fil.</source>
        <translation>Send the assessments and talks you signed to the BT doctor or the BT unit, through the sync folder or as a file.</translation>
    </message>
</context>
<context>
    <name>FileRouter</name>
    <message>
        <location filename="../../ui/file_router.py" line="96" />
        <source>%1 är ingen fil som btdesk känner igen: den öppnar begäranden, svar, paket och bilagor (PDF, PNG, JPEG).</source>
        <translation>%1 is not a file btdesk recognises: it opens requests, responses, bundles and attachments (PDF, PNG, JPEG).</translation>
    </message>
    <message>
        <location filename="../../ui/file_router.py" line="113" />
        <source>Det signerade svaret sparades i %1. Skicka det till %2.</source>
        <translation>The signed response was saved in %1. Send it to %2.</translation>
    </message>
    <message>
        <location filename="../../ui/file_router.py" line="130" />
        <source>%1 är inte en PDF-, PNG- eller JPEG-fil och kan inte bifogas.</source>
        <translation>%1 is not a PDF, PNG or JPEG file and cannot be attached.</translation>
    </message>
    <message>
        <location filename="../../ui/file_router.py" line="136" />
        <source>Bifoga %1</source>
        <translation>Attach %1</translation>
    </message>
    <message>
        <source>Importerar %1 …</source>
        <translation>Importing %1 …</translation>
    </message>
    <message>
        <location filename="../../ui/file_router.py" line="1" />
        <source>%1 är en begäran om slutbedömning: den öppnas av den externa bedömaren och huvudhandledaren, inte av enheten.</source>
        <translation>%1 is a request for a final assessment: the extern bedömare and the huvudhandledare open it, not the unit.</translation>
    </message>
    <message>
        <location filename="../../ui/file_router.py" line="1" />
        <source>Omdömet är signerat och sparat i %1. Skicka det till BT-enheten.</source>
        <translation>The judgement is signed and saved in %1. Send it to the BT unit.</translation>
    </message>
    <message>
        <location filename="../../ui/file_router.py" line="1" />
        <source>Omdömet är signerat och finns kvar här; det sparades inte som fil.</source>
        <translation>The judgement is signed and kept here; it was not saved as a file.</translation>
    </message>
</context>
<context>
    <name>FinalPage</name>
    <message>
        <location filename="../../ui/unit/pages.py" line="185" />
        <source>Slutbedömning</source>
        <translation>Final assessment</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="186" />
        <source>Ingen slutbedömning är planerad. Planera en med btdesk unit final schedule --doctor FP --date D --assessor NAMN.</source>
        <translation>No final assessment is scheduled. Schedule one with btdesk unit final schedule --doctor FP --date D --assessor NAME.</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="190" />
        <source>BT-läkare</source>
        <translation>BT doctor</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="190" />
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="190" />
        <source>Extern bedömare</source>
        <translation>External assessor</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="191" />
        <source>Bedömningar inkomna</source>
        <translation>Judgements received</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="191" />
        <source>Utfall</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="198" />
        <source>Uppnått</source>
        <translation>Achieved</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="198" />
        <source>Ej uppnått</source>
        <translation>Not achieved</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="198" />
        <source>Ej bedömt</source>
        <translation>Not judged</translation>
    </message>
    <message>
        <location filename="../../ui/unit/final_page.py" line="1" />
        <source>Ingen slutbedömning är planerad. Planera en med Planera slutbedömning …, när en BT-läkare närmar sig slutet av sin BT.</source>
        <translation>No final assessment is planned. Plan one with Plan final assessment … when a BT doctor nears the end of BT.</translation>
    </message>
    <message>
        <location filename="../../ui/unit/final_page.py" line="1" />
        <source>&amp;Planera slutbedömning …</source>
        <translation>&amp;Plan final assessment …</translation>
    </message>
    <message>
        <location filename="../../ui/unit/final_page.py" line="1" />
        <source>%1 av 2</source>
        <translation>%1 of 2</translation>
    </message>
    <message>
        <location filename="../../ui/unit/final_page.py" line="1" />
        <source>Spara begäran om slutbedömning</source>
        <translation>Save the final assessment request</translation>
    </message>
    <message>
        <location filename="../../ui/unit/final_page.py" line="1" />
        <source>Begäran om slutbedömning (*.btfinalreq)</source>
        <translation>Final assessment request (*.btfinalreq)</translation>
    </message>
    <message>
        <location filename="../../ui/unit/final_page.py" line="1" />
        <source>Slutbedömningen är planerad; begäran kan sparas senare.</source>
        <translation>The final assessment is planned; the request can be saved later.</translation>
    </message>
    <message>
        <location filename="../../ui/unit/final_page.py" line="1" />
        <source>Slutbedömningen är planerad. Skicka %1 till den externa bedömaren och huvudhandledaren.</source>
        <translation>The final assessment is planned. Send %1 to the extern bedömare and the huvudhandledare.</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../ui/forms/dialog.py" line="62" />
        <source>BT-läkare: %1</source>
        <translation>BT doctor: %1</translation>
    </message>
    <message>
        <location filename="../../ui/forms/dialog.py" line="101" />
        <source>Signera och spara samtalet…</source>
        <translation>Sign and save the talk…</translation>
    </message>
    <message>
        <location filename="../../ui/forms/dialog.py" line="102" />
        <source>Signera och spara svar…</source>
        <translation>Sign and save the response…</translation>
    </message>
    <message>
        <location filename="../../ui/forms/dialog.py" line="104" />
        <source>Stäng (utkastet sparas)</source>
        <translation>Close (the draft is kept)</translation>
    </message>
    <message>
        <location filename="../../ui/forms/dialog.py" line="134" />
        <source>Utkast finns</source>
        <translation>A draft exists</translation>
    </message>
    <message>
        <location filename="../../ui/forms/dialog.py" line="135" />
        <source>Det finns ett utkast av det här formuläret från %1. Vill du fortsätta med det?</source>
        <translation>There is a draft of this form from %1. Do you want to continue with it?</translation>
    </message>
    <message>
        <location filename="../../ui/forms/dialog.py" line="139" />
        <source>Utkastet är återställt.</source>
        <translation>The draft was restored.</translation>
    </message>
    <message>
        <location filename="../../ui/forms/dialog.py" line="151" />
        <source>Utkast sparat.</source>
        <translation>Draft saved.</translation>
    </message>
    <message>
        <location filename="../../ui/forms/dialog.py" line="155" />
        <source>Spara det signerade svaret</source>
        <translation>Save the signed response</translation>
    </message>
    <message>
        <location filename="../../ui/forms/dialog.py" line="156" />
        <source>Signerat svar (*.btresponse)</source>
        <translation>Signed response (*.btresponse)</translation>
    </message>
    <message>
        <location filename="../../ui/forms/dialog.py" line="160" />
        <source>Signera</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../ui/forms/dialog.py" line="160" />
        <source>Lösenfras för din signeringsnyckel:</source>
        <translation>Passphrase for your signing key:</translation>
    </message>
    <message>
        <location filename="../../ui/forms/dialog.py" line="186" />
        <source>%1 fält behöver rättas innan du kan signera.</source>
        <translation>%1 fields need correcting before you can sign.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/form_dialog.py" line="53" />
        <source>Du har ändrat i formuläret. Vad vill du göra med ändringarna?</source>
        <translation>You have changed the form. What do you want to do with the changes?</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/form_dialog.py" line="54" />
        <source>Behåll utkast</source>
        <translation>Keep draft</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/form_dialog.py" line="55" />
        <source>Kasta</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/form_dialog.py" line="56" />
        <source>Fortsätt skriva</source>
        <translation>Keep writing</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/form_dialog.py" line="76" />
        <source>Spara (Ctrl+Enter)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/form_dialog.py" line="77" />
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/form_dialog.py" line="111" />
        <source>Datumet %1 ligger mer än ett år fram i tiden. Stämmer det?</source>
        <translation>The date %1 is more than a year ahead. Is that right?</translation>
    </message>
    <message>
        <location filename="../../ui/forms/dialog.py" line="68" />
        <source>Enligt btdesk i fas för tjänstgjord tid: %1</source>
        <translation>In phase for the time served, by btdesk: %1</translation>
    </message>
    <message>
        <location filename="../../ui/forms/dialog.py" line="69" />
        <source>Enligt btdesk efter i fas för tjänstgjord tid: %1</source>
        <translation>Behind phase for the time served, by btdesk: %1</translation>
    </message>
</context>
<context>
    <name>FormRenderer</name>
    <message>
        <location filename="../../ui/forms/renderer.py" line="72" />
        <source>Formulär</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../ui/forms/renderer.py" line="121" />
        <location filename="../../ui/forms/renderer.py" line="132" />
        <source>– välj –</source>
        <translation>– choose –</translation>
    </message>
    <message>
        <location filename="../../ui/forms/renderer.py" line="124" />
        <source>Ej observerat</source>
        <translation>Not observed</translation>
    </message>
    <message>
        <location filename="../../ui/forms/renderer.py" line="129" />
        <source>Ej angivet</source>
        <translation>Not given</translation>
    </message>
    <message>
        <location filename="../../ui/forms/renderer.py" line="137" />
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/forms/renderer.py" line="153" />
        <source>En punkt per rad</source>
        <translation>One item per line</translation>
    </message>
    <message>
        <location filename="../../ui/forms/renderer.py" line="179" />
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <location filename="../../ui/forms/renderer.py" line="213" />
        <source> (minst %1)</source>
        <translation> (at least %1)</translation>
    </message>
    <message>
        <location filename="../../ui/forms/renderer.py" line="227" />
        <source>Totalt %1 bedömare (minst %2)</source>
        <translation>%1 raters in all (at least %2)</translation>
    </message>
</context>
<context>
    <name>GivenAssessmentsPage</name>
    <message>
        <location filename="../../ui/supervisor/given.py" line="76" />
        <source>Givna bedömningar</source>
        <translation>Assessments given</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/given.py" line="77" />
        <source>Du har inte signerat någon bedömning ännu. Öppna en begäran under Begäranden, eller gör en bedömning utan begäran under Mina BT-läkare.</source>
        <translation>You have not signed an assessment yet. Open a request under Requests, or assess without a request under My BT doctors.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/given.py" line="79" />
        <source>BT-läkare</source>
        <translation>BT doctor</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/given.py" line="79" />
        <source>Formulär</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/given.py" line="79" />
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/given.py" line="79" />
        <source>Delmål</source>
        <translation>Delmål</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../ui/views/history_dialog.py" line="19" />
        <source>Historik: %1</source>
        <translation>History: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/history_dialog.py" line="20" />
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/views/history_dialog.py" line="20" />
        <source>Tid</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/views/history_dialog.py" line="20" />
        <source>Av</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../ui/views/history_dialog.py" line="20" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/history_dialog.py" line="28" />
        <source>borttagen</source>
        <translation>deleted</translation>
    </message>
    <message>
        <location filename="../../ui/views/history_dialog.py" line="28" />
        <source>signerad</source>
        <translation>signed</translation>
    </message>
    <message>
        <location filename="../../ui/views/history_dialog.py" line="37" />
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../ui/unit/pages.py" line="104" />
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="109" />
        <source>Importera inkorgen</source>
        <translation>Import the inbox</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="110" />
        <source>Välj paket …</source>
        <translation>Choose bundles …</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="133" />
        <source>Inkorg: %1</source>
        <translation>Inbox: %1</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="134" />
        <source>Ingen synkmapp är vald ännu. Välj den under Inställningar → Synkmapp, eller importera paket som du väljer själv.</source>
        <translation>No sync folder has been chosen yet. Choose it under Settings → Sync folder, or import bundles you choose yourself.</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="138" />
        <source>Inga paket importerade i den här sessionen ännu.</source>
        <translation>No bundles imported in this session yet.</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="141" />
        <source>Importera paket</source>
        <translation>Import bundles</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="141" />
        <source>btdesk-paket (*.btbundle)</source>
        <translation>btdesk bundles (*.btbundle)</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="153" />
        <source>Importerar …</source>
        <translation>Importing …</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="160" />
        <source>%v av %m paket</source>
        <translation>%v of %m bundles</translation>
    </message>
</context>
<context>
    <name>JudgeDialog</name>
    <message>
        <location filename="../../ui/final_judge_dialog.py" line="1" />
        <source>%1 har inget omdöme ännu.</source>
        <translation>%1 has no judgement yet.</translation>
    </message>
    <message>
        <location filename="../../ui/final_judge_dialog.py" line="1" />
        <source>&amp;Alla ännu obedömda: uppnått</source>
        <translation>&amp;All not yet judged: achieved</translation>
    </message>
    <message>
        <location filename="../../ui/final_judge_dialog.py" line="1" />
        <source>&amp;Du bedömer som</source>
        <translation>&amp;You judge as</translation>
    </message>
    <message>
        <location filename="../../ui/final_judge_dialog.py" line="1" />
        <source>&amp;Kommentar</source>
        <translation>&amp;Comment</translation>
    </message>
    <message>
        <location filename="../../ui/final_judge_dialog.py" line="1" />
        <source>&amp;Sammantaget</source>
        <translation>&amp;Overall</translation>
    </message>
    <message>
        <location filename="../../ui/final_judge_dialog.py" line="1" />
        <source>Ej bedömt</source>
        <translation>Not assessed</translation>
    </message>
    <message>
        <location filename="../../ui/final_judge_dialog.py" line="1" />
        <source>Ej uppnått</source>
        <translation>Not achieved</translation>
    </message>
    <message>
        <location filename="../../ui/final_judge_dialog.py" line="1" />
        <source>Uppnått</source>
        <translation>Achieved</translation>
    </message>
    <message>
        <location filename="../../ui/final_judge_dialog.py" line="1" />
        <source>Extern bedömare</source>
        <translation>Extern bedömare</translation>
    </message>
    <message>
        <location filename="../../ui/final_judge_dialog.py" line="1" />
        <source>Huvudansvarig handledare</source>
        <translation>Huvudansvarig handledare</translation>
    </message>
    <message>
        <location filename="../../ui/final_judge_dialog.py" line="1" />
        <source>Ge ett sammantaget omdöme.</source>
        <translation>Give an overall judgement.</translation>
    </message>
    <message>
        <location filename="../../ui/final_judge_dialog.py" line="1" />
        <source>Kommentar (krävs inte)</source>
        <translation>Comment (not required)</translation>
    </message>
    <message>
        <location filename="../../ui/final_judge_dialog.py" line="1" />
        <source>Omdöme om slutbedömning (*.btfinal)</source>
        <translation>Final assessment judgement (*.btfinal)</translation>
    </message>
    <message>
        <location filename="../../ui/final_judge_dialog.py" line="1" />
        <source>Signera och spara (Ctrl+Enter)</source>
        <translation>Sign and save (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/final_judge_dialog.py" line="1" />
        <source>Slutbedömning av %1</source>
        <translation>Final assessment of %1</translation>
    </message>
    <message>
        <location filename="../../ui/final_judge_dialog.py" line="1" />
        <source>Spara det signerade omdömet</source>
        <translation>Save the signed judgement</translation>
    </message>
    <message>
        <location filename="../../ui/final_judge_dialog.py" line="1" />
        <source>– välj –</source>
        <translation>– choose –</translation>
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
        <translation>Talk</translation>
    </message>
    <message>
        <location filename="../../ui/views/labels.py" line="38" />
        <source>Dokument</source>
        <translation>Document</translation>
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
        <location filename="../../ui/views/labels.py" line="43" />
        <source>Checklistpunkt</source>
        <translation>Checklist item</translation>
    </message>
    <message>
        <location filename="../../ui/views/labels.py" line="44" />
        <source>Urval</source>
        <translation>Selection</translation>
    </message>
    <message>
        <location filename="../../ui/views/labels.py" line="45" />
        <source>BT</source>
        <translation>BT</translation>
    </message>
    <message>
        <location filename="../../ui/views/labels.py" line="52" />
        <source>aktiviteten</source>
        <translation>the activity</translation>
    </message>
    <message>
        <location filename="../../ui/views/labels.py" line="53" />
        <source>samtalet</source>
        <translation>the talk</translation>
    </message>
    <message>
        <location filename="../../ui/views/labels.py" line="54" />
        <source>placeringen</source>
        <translation>the placement</translation>
    </message>
    <message>
        <location filename="../../ui/views/labels.py" line="61" />
        <source>BT-läkare</source>
        <translation>BT doctor</translation>
    </message>
    <message>
        <location filename="../../ui/views/labels.py" line="62" />
        <source>Handledare</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/views/labels.py" line="63" />
        <source>BT-enheten</source>
        <translation>BT unit</translation>
    </message>
    <message>
        <location filename="../../ui/views/labels.py" line="42" />
        <source>Ledighet</source>
        <translation>Leave</translation>
    </message>
</context>
<context>
    <name>Leave</name>
    <message>
        <location filename="../../ui/views/leave_dialog.py" line="22" />
        <source>Föräldraledighet</source>
        <translation>Parental leave</translation>
    </message>
    <message>
        <location filename="../../ui/views/leave_dialog.py" line="23" />
        <source>Sjukfrånvaro</source>
        <translation>Sick leave</translation>
    </message>
    <message>
        <location filename="../../ui/views/leave_dialog.py" line="24" />
        <source>Tjänstledighet</source>
        <translation>Leave of absence</translation>
    </message>
    <message>
        <location filename="../../ui/views/leave_dialog.py" line="25" />
        <source>Annan ledighet</source>
        <translation>Other leave</translation>
    </message>
</context>
<context>
    <name>LeaveDialog</name>
    <message>
        <location filename="../../ui/views/leave_dialog.py" line="43" />
        <source>Ledighet räknas inte som tjänstgöring. Ange ingen orsak eller diagnos.</source>
        <translation>Leave is not service. Give no reason or diagnosis.</translation>
    </message>
    <message>
        <location filename="../../ui/views/leave_dialog.py" line="31" />
        <source>Ändra ledighet</source>
        <translation>Edit leave</translation>
    </message>
    <message>
        <location filename="../../ui/views/leave_dialog.py" line="31" />
        <source>Ny ledighet</source>
        <translation>New leave</translation>
    </message>
    <message>
        <location filename="../../ui/views/leave_dialog.py" line="46" />
        <source>&amp;Typ</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <location filename="../../ui/views/leave_dialog.py" line="47" />
        <source>&amp;Från</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <location filename="../../ui/views/leave_dialog.py" line="48" />
        <source>&amp;Till och med</source>
        <translation>&amp;Until</translation>
    </message>
    <message>
        <location filename="../../ui/views/leave_dialog.py" line="49" />
        <source>&amp;Omfattning</source>
        <translation>&amp;Percent</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="175" />
        <source>&amp;Identitet</source>
        <translation>&amp;Identity</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="176" />
        <source>Använd &amp;kort …</source>
        <translation>Use a &amp;card …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="134" />
        <source>Vyer</source>
        <translation>Views</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="139" />
        <source>Öppnar portföljen …</source>
        <translation>Opening the portfolio …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="150" />
        <source>&amp;Arkiv</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="152" />
        <source>&amp;Ny aktivitet …</source>
        <translation>&amp;New activity …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="153" />
        <source>&amp;Bifoga dokument …</source>
        <translation>&amp;Attach document …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="155" />
        <source>&amp;Öppna fil …</source>
        <translation>&amp;Open file …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="156" />
        <source>&amp;Sök …</source>
        <translation>&amp;Search …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="158" />
        <source>&amp;Avsluta</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="159" />
        <source>&amp;Redigera</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="160" />
        <source>Ångra</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="162" />
        <source>Gör om</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="167" />
        <source>&amp;Historik för markerad post …</source>
        <translation>&amp;History of the selected entry …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="168" />
        <source>&amp;Visa</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="172" />
        <source>&amp;Inställningar</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="173" />
        <source>S&amp;ynkmapp …</source>
        <translation>S&amp;ync folder …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="177" />
        <source>&amp;Språk</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="247" />
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="330" />
        <source>Synkmapp: %1</source>
        <translation>Sync folder: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="342" />
        <source>Öppna fil</source>
        <translation>Open file</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="326" />
        <source>Välj synkmapp</source>
        <translation>Choose sync folder</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="174" />
        <source>&amp;Uppgifter för intyg …</source>
        <translation>&amp;Details for certificates …</translation>
    </message>
    <message>
        <source>&amp;Hjälp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Visa &amp;logg</source>
        <translation>Show &amp;log</translation>
    </message>
    <message>
        <source>btdesk arbetar fortfarande. Avsluta ändå? Det pågående arbetet sparas då inte, men inget blir halvgjort.</source>
        <translation>btdesk is still working. Quit anyway? The work under way is then not saved, but nothing is left half-done.</translation>
    </message>
    <message>
        <source>btdesk arbetar fortfarande. Avsluta ändå? Det pågående arbetet avbryts och sparas då inte, men inget blir halvgjort.</source>
        <translation>btdesk is still working. Quit anyway? The work in progress is then stopped and not saved, but nothing is left half done.</translation>
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
        <location filename="../../ui/views/overview.py" line="139" />
        <source>I fas med programmet.</source>
        <translation>In phase with the programme.</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="141" />
        <source>Efter i fas: </source>
        <translation>Behind the programme: </translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="89" />
        <source>&lt;b&gt;%1&lt;/b&gt;, %2: %3 av %4 checklistpunkter klara; %5 av %6 bedömningar.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;, %2: %3 of %4 checklist items done; %5 of %6 assessments.</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="95" />
        <source>… och %1 till</source>
        <translation>… and %1 more</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="97" />
        <source>Ingen placering pågår i dag.</source>
        <translation>No placement is running today.</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="99" />
        <source>Nästa handledningssamtal: %1</source>
        <translation>Next supervision talk: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="104" />
        <source>Inga varningar.</source>
        <translation>No warnings.</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="111" />
        <source>%1 av %2 månader tjänstgjorda · planerat: %3</source>
        <translation>%1 of %2 months served · planned: %3</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="114" />
        <source>start %1</source>
        <translation>start %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="115" />
        <source>%1 % av heltid</source>
        <translation>%1 % of full time</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="116" />
        <source>primärvård %1 tjänstgjorda (planerat %2)</source>
        <translation>primary care %1 served (planned %2)</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="118" />
        <source>akut sjukvård %1 tjänstgjorda (planerat %2)</source>
        <translation>acute care %1 served (planned %2)</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="121" />
        <source>ledighet %1 hittills</source>
        <translation>leave %1 so far</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="126" />
        <source>programmets tid tjänstgjord %1</source>
        <translation>the programme's time served %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="128" />
        <source>beräknat slut %1</source>
        <translation>expected end %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="131" />
        <source>%1 av %2 månader tjänstgjorda</source>
        <translation>%1 of %2 months served</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="79" />
        <source> (planerad)</source>
        <translation> (planned)</translation>
    </message>
</context>
<context>
    <name>Passphrase</name>
    <message>
        <location filename="../../ui/views/export.py" line="1" />
        <source>Ingen lösenfras angavs; inget signerades.</source>
        <translation>No passphrase was given; nothing was signed.</translation>
    </message>
</context>
<context>
    <name>PlacementDialog</name>
    <message>
        <location filename="../../ui/views/placement_dialog.py" line="24" />
        <source>Ändra placering</source>
        <translation>Edit placement</translation>
    </message>
    <message>
        <location filename="../../ui/views/placement_dialog.py" line="24" />
        <source>Ny placering</source>
        <translation>New placement</translation>
    </message>
    <message>
        <location filename="../../ui/views/placement_dialog.py" line="50" />
        <source>&amp;Typ</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <location filename="../../ui/views/placement_dialog.py" line="51" />
        <source>&amp;Arbetsplats</source>
        <translation>&amp;Site</translation>
    </message>
    <message>
        <location filename="../../ui/views/placement_dialog.py" line="52" />
        <source>&amp;Handledare</source>
        <translation>&amp;Supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/views/placement_dialog.py" line="53" />
        <source>&amp;Från</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <location filename="../../ui/views/placement_dialog.py" line="54" />
        <source>&amp;Till och med</source>
        <translation>&amp;Until</translation>
    </message>
    <message>
        <location filename="../../ui/views/placement_dialog.py" line="55" />
        <source>&amp;Omfattning</source>
        <translation>&amp;Extent</translation>
    </message>
    <message>
        <location filename="../../ui/views/placement_dialog.py" line="60" />
        <source>&lt;b&gt;Planen enligt HSLF-FS 2021:8&lt;/b&gt;</source>
        <translation>&lt;b&gt;The plan under HSLF-FS 2021:8&lt;/b&gt; (warnings in Swedish)</translation>
    </message>
    <message>
        <location filename="../../ui/views/placement_dialog.py" line="107" />
        <source>Planen uppfyller reglerna.</source>
        <translation>The plan meets the rules.</translation>
    </message>
    <message>
        <location filename="../../ui/views/placement_dialog.py" line="42" />
        <source>Som BT:ns omfattning (%1 %)</source>
        <translation>As the BT's percent (%1 %)</translation>
    </message>
</context>
<context>
    <name>PlacementsView</name>
    <message>
        <location filename="../../ui/views/placements.py" line="18" />
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="18" />
        <source>Arbetsplats</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="18" />
        <source>Handledare</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="18" />
        <location filename="../../ui/views/placements.py" line="46" />
        <source>Från</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="19" />
        <location filename="../../ui/views/placements.py" line="46" />
        <source>Till och med</source>
        <translation>Until</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="19" />
        <location filename="../../ui/views/placements.py" line="47" />
        <source>Omfattning</source>
        <translation>Extent</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="21" />
        <location filename="../../ui/views/placements.py" line="38" />
        <source>Placeringar</source>
        <translation>Placements</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="25" />
        <source>&amp;Ny placering</source>
        <translation>&amp;New placement</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="27" />
        <source>Ä&amp;ndra</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="29" />
        <source>Ta &amp;bort</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="31" />
        <source>&amp;Historik</source>
        <translation>&amp;History</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="82" />
        <source>Planen uppfyller reglerna.</source>
        <translation>The plan meets the rules.</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="138" />
        <source>Ändra placering</source>
        <translation>Edit placement</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="141" />
        <source>Ny placering</source>
        <translation>New placement</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="148" />
        <source>Ta bort placering</source>
        <translation>Delete placement</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="19" />
        <source>Läge</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="20" />
        <source>Tjänstgjort</source>
        <translation>Served</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="46" />
        <location filename="../../ui/views/placements.py" line="48" />
        <location filename="../../ui/views/placements.py" line="60" />
        <source>Ledighet</source>
        <translation>Leave</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="53" />
        <source>Ny &amp;ledighet</source>
        <translation>New &amp;leave</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="54" />
        <source>Ändra l&amp;edighet</source>
        <translation>Edit l&amp;eave</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="55" />
        <source>Ta bort ledi&amp;ghet</source>
        <translation>Remove lea&amp;ve</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="74" />
        <source>tjänstgjord</source>
        <translation>served</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="74" />
        <source>pågår</source>
        <translation>current</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="74" />
        <source>planerad</source>
        <translation>planned</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="77" />
        <source> (BT)</source>
        <translation> (BT)</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="89" />
        <source>Ledighet räknas inte som tjänstgöring: %1 månader på heltid hittills, %2 i hela planen. Beräknat slut: %3.</source>
        <translation>Leave is not service: %1 months full time so far, %2 in the whole plan. Expected end: %3.</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="105" />
        <source>Ändra ledighet</source>
        <translation>Edit leave</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="108" />
        <source>Ny ledighet</source>
        <translation>New leave</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="115" />
        <source>Ta bort ledighet</source>
        <translation>Remove leave</translation>
    </message>
    <message>
        <location filename="../../ui/views/placements.py" line="20" />
        <source>Planerat</source>
        <translation>Planned</translation>
    </message>
</context>
<context>
    <name>QLabel</name>
    <message>
        <location filename="../../ui/forms/dialog.py" line="221" />
        <source>Det här signerar du – BT-läkarens anteckning:</source>
        <translation>This is what you sign – the BT doctor's note:</translation>
    </message>
</context>
<context>
    <name>ReflectionDialog</name>
    <message>
        <location filename="../../ui/views/reflection_dialog.py" line="20" />
        <source>Skriv reflektion</source>
        <translation>Write reflection</translation>
    </message>
    <message>
        <location filename="../../ui/views/reflection_dialog.py" line="27" />
        <source>Om: %1 – %2</source>
        <translation>About: %1 – %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/reflection_dialog.py" line="34" />
        <source>Vad lärde du dig, vad gör du annorlunda nästa gång?</source>
        <translation>What did you learn, what will you do differently next time?</translation>
    </message>
    <message>
        <location filename="../../ui/views/reflection_dialog.py" line="40" />
        <source>&amp;Reflektion</source>
        <translation>&amp;Reflection</translation>
    </message>
    <message>
        <location filename="../../ui/views/reflection_dialog.py" line="41" />
        <source>&amp;Datum</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location filename="../../ui/views/reflection_dialog.py" line="42" />
        <source>Delmål</source>
        <translation>Delmål</translation>
    </message>
    <message>
        <location filename="../../ui/views/reflection_dialog.py" line="59" />
        <source>Skriv något först.</source>
        <translation>Write something first.</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <location filename="../../ui/views/request_dialog.py" line="21" />
        <source>Begär bedömning</source>
        <translation>Request an assessment</translation>
    </message>
    <message>
        <location filename="../../ui/views/request_dialog.py" line="27" />
        <source>t.ex. bröstsmärta</source>
        <translation>e.g. chest pain</translation>
    </message>
    <message>
        <location filename="../../ui/views/request_dialog.py" line="30" />
        <source>handledarens namn</source>
        <translation>the supervisor's name</translation>
    </message>
    <message>
        <location filename="../../ui/views/request_dialog.py" line="32" />
        <source>&amp;Formulär</source>
        <translation>&amp;Form</translation>
    </message>
    <message>
        <location filename="../../ui/views/request_dialog.py" line="33" />
        <source>&amp;Fall</source>
        <translation>&amp;Case</translation>
    </message>
    <message>
        <location filename="../../ui/views/request_dialog.py" line="34" />
        <source>Delmål</source>
        <translation>Delmål</translation>
    </message>
    <message>
        <location filename="../../ui/views/request_dialog.py" line="35" />
        <source>&amp;Till</source>
        <translation>&amp;To</translation>
    </message>
    <message>
        <location filename="../../ui/views/request_dialog.py" line="47" />
        <source>Programmet har inget bedömningsformulär.</source>
        <translation>The programme has no assessment form.</translation>
    </message>
</context>
<context>
    <name>RequestsPage</name>
    <message>
        <location filename="../../ui/supervisor/requests.py" line="28" />
        <source>Begäranden</source>
        <translation>Requests</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/requests.py" line="29" />
        <source>Inga begäranden ännu. När en BT-läkare skickar en begäran om bedömning öppnar du filen här, med Arkiv → Öppna fil, eller genom att dubbelklicka på den.</source>
        <translation>No requests yet. When a BT doctor sends you a request for an assessment, open the file here, with File → Open file, or by double-clicking it.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/requests.py" line="33" />
        <source>&lt;b&gt;Öppna&lt;/b&gt;</source>
        <translation>&lt;b&gt;Open&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/requests.py" line="34" />
        <location filename="../../ui/supervisor/requests.py" line="38" />
        <source>BT-läkare</source>
        <translation>BT doctor</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/requests.py" line="34" />
        <location filename="../../ui/supervisor/requests.py" line="38" />
        <source>Formulär</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/requests.py" line="34" />
        <location filename="../../ui/supervisor/requests.py" line="38" />
        <source>Fall</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/requests.py" line="34" />
        <location filename="../../ui/supervisor/requests.py" line="39" />
        <source>Mottagen</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/requests.py" line="35" />
        <source>Ålder</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/requests.py" line="37" />
        <source>&lt;b&gt;Besvarade&lt;/b&gt;</source>
        <translation>&lt;b&gt;Answered&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/requests.py" line="42" />
        <source>Öppna begäran …</source>
        <translation>Open request …</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/requests.py" line="57" />
        <source>%1 dagar</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/requests.py" line="70" />
        <source>Öppna begäran</source>
        <translation>Open request</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/requests.py" line="71" />
        <source>Begäran om bedömning (*.btrequest)</source>
        <translation>Assessment request (*.btrequest)</translation>
    </message>
    <message>
        <source>Signering av samtal</source>
        <translation>Sign-off of a talk</translation>
    </message>
</context>
<context>
    <name>RequestsPanel</name>
    <message>
        <location filename="../../ui/views/requests_panel.py" line="28" />
        <location filename="../../ui/views/requests_panel.py" line="37" />
        <source>Väntande begäranden</source>
        <translation>Waiting requests</translation>
    </message>
    <message>
        <location filename="../../ui/views/requests_panel.py" line="31" />
        <source>Inga obesvarade begäranden. Begär en bedömning av din handledare med knappen Begär bedömning …</source>
        <translation>No unanswered requests. Ask your supervisor for an assessment with the Request assessment … button.</translation>
    </message>
    <message>
        <location filename="../../ui/views/requests_panel.py" line="35" />
        <source>Formulär</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../ui/views/requests_panel.py" line="35" />
        <source>Fall</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../ui/views/requests_panel.py" line="35" />
        <source>Till</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../ui/views/requests_panel.py" line="35" />
        <source>Skickad</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../ui/views/requests_panel.py" line="36" />
        <source>Väntat</source>
        <translation>Waited</translation>
    </message>
    <message>
        <location filename="../../ui/views/requests_panel.py" line="40" />
        <source>Skicka &amp;igen …</source>
        <translation>Send &amp;again …</translation>
    </message>
    <message>
        <location filename="../../ui/views/requests_panel.py" line="41" />
        <source>&amp;Återkalla</source>
        <translation>&amp;Withdraw</translation>
    </message>
    <message>
        <location filename="../../ui/views/requests_panel.py" line="55" />
        <source>%1 dagar</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <location filename="../../ui/views/requests_panel.py" line="65" />
        <source>Spara begäran</source>
        <translation>Save the request</translation>
    </message>
    <message>
        <location filename="../../ui/views/requests_panel.py" line="66" />
        <source>Begäran om bedömning (*.btrequest)</source>
        <translation>Assessment request (*.btrequest)</translation>
    </message>
    <message>
        <location filename="../../ui/views/requests_panel.py" line="87" />
        <source>Välj var begäran ska sparas.</source>
        <translation>Choose where to save the request.</translation>
    </message>
    <message>
        <location filename="../../ui/views/requests_panel.py" line="93" />
        <location filename="../../ui/views/requests_panel.py" line="113" />
        <source>Begäran om bedömning: %1</source>
        <translation>Assessment request: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/requests_panel.py" line="102" />
        <location filename="../../ui/views/requests_panel.py" line="120" />
        <source>Markera först en begäran i listan.</source>
        <translation>Select a request in the list first.</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <location filename="../../ui/unit/final_page.py" line="1" />
        <source>Planera slutbedömning</source>
        <translation>Plan final assessment</translation>
    </message>
    <message>
        <location filename="../../ui/unit/final_page.py" line="1" />
        <source>t.ex. Dr Anna Svensson, Region Skåne</source>
        <translation>e.g. Dr Anna Svensson, Region Skåne</translation>
    </message>
    <message>
        <location filename="../../ui/unit/final_page.py" line="1" />
        <source>Efter att du sparat sparar du begäran som fil och skickar den till den externa bedömaren och huvudhandledaren.</source>
        <translation>After saving, save the request as a file and send it to the extern bedömare and the huvudhandledare.</translation>
    </message>
    <message>
        <location filename="../../ui/unit/final_page.py" line="1" />
        <source>&amp;BT-läkare</source>
        <translation>&amp;BT doctor</translation>
    </message>
    <message>
        <location filename="../../ui/unit/final_page.py" line="1" />
        <source>&amp;Datum</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location filename="../../ui/unit/final_page.py" line="1" />
        <source>&amp;Extern bedömare</source>
        <translation>&amp;Extern bedömare</translation>
    </message>
    <message>
        <location filename="../../ui/unit/final_page.py" line="1" />
        <source>Ingen BT-läkare har skickat något till enheten än.</source>
        <translation>No BT doctor has sent anything to the unit yet.</translation>
    </message>
    <message>
        <location filename="../../ui/unit/final_page.py" line="1" />
        <source>Ange den externa bedömaren.</source>
        <translation>Enter the extern bedömare.</translation>
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
        <location filename="../../ui/views/search_dialog.py" line="45" />
        <source>%1 träffar</source>
        <translation>%1 results</translation>
    </message>
</context>
<context>
    <name>SearchHistory</name>
    <message>
        <location filename="../../ui/search_history.py" line="26" />
        <source>Markera en post först.</source>
        <translation>Select an entry first.</translation>
    </message>
</context>
<context>
    <name>SendFile</name>
    <message>
        <location filename="../../ui/send_file.py" line="26" />
        <source>mottagaren</source>
        <translation>the recipient</translation>
    </message>
    <message>
        <location filename="../../ui/send_file.py" line="27" />
        <source>Sparad som %1. Skicka filen till %2 – med e-post, på ett USB-minne eller via synkmappen.</source>
        <translation>Saved as %1. Send the file to %2 – by e-mail, on a USB stick or through the sync folder.</translation>
    </message>
    <message>
        <location filename="../../ui/send_file.py" line="33" />
        <source>Skicka med e-post …</source>
        <translation>Send by e-mail …</translation>
    </message>
    <message>
        <location filename="../../ui/send_file.py" line="35" />
        <source>Visa i filhanteraren</source>
        <translation>Show in the file manager</translation>
    </message>
    <message>
        <location filename="../../ui/send_file.py" line="37" />
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/send_file.py" line="41" />
        <source>Hej!

Bifogat finns %1. Öppna den i btdesk.
</source>
        <translation>Hello,

Attached is %1. Open it in btdesk.
</translation>
    </message>
</context>
<context>
    <name>SignedRecordDialog</name>
    <message>
        <location filename="../../ui/forms/signed_view.py" line="70" />
        <source>Signerad av %1: %2.</source>
        <translation>Signed by %1: %2.</translation>
    </message>
    <message>
        <location filename="../../ui/forms/signed_view.py" line="71" />
        <source>En signerad post kan inte ändras; skriv en egen reflektion om du vill kommentera den.</source>
        <translation>A signed record cannot be changed; write your own reflection if you want to comment on it.</translation>
    </message>
    <message>
        <location filename="../../ui/forms/signed_view.py" line="74" />
        <source>Osignerad anteckning av %1.</source>
        <translation>Unsigned note by %1.</translation>
    </message>
    <message>
        <location filename="../../ui/forms/signed_view.py" line="95" />
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../ui/startup.py" line="82" />
        <source>Det finns ingen portfölj i %1 ännu.</source>
        <translation>There is no portfolio in %1 yet.</translation>
    </message>
    <message>
        <location filename="../../ui/startup.py" line="84" />
        <source>Skapa en demoportfölj</source>
        <translation>Create a demo portfolio</translation>
    </message>
    <message>
        <source>Skapar demoportföljen …</source>
        <translation>Creating the demo portfolio …</translation>
    </message>
    <message>
        <source>Återställ min identitet från en säkerhetskopia …</source>
        <translation>Restore my identity from a backup …</translation>
    </message>
    <message>
        <source>En ny dator: din identitetskopia och dess lösenfras, sedan dina paket från synkmappen eller BT-enheten</source>
        <translation>A new computer: your identity backup and its passphrase, then your bundles from the sync folder or the BT unit</translation>
    </message>
    <message>
        <source>Välj din identitetskopia</source>
        <translation>Choose your identity backup</translation>
    </message>
    <message>
        <source>Identitet (*.btidentity);;Alla filer (*)</source>
        <translation>Identity (*.btidentity);;All files (*)</translation>
    </message>
    <message>
        <source>Välj dina paket från synkmappen eller BT-enheten</source>
        <translation>Choose your bundles from the sync folder or the BT unit</translation>
    </message>
    <message>
        <source>btdesk-paket (*.btbundle)</source>
        <translation>btdesk bundles (*.btbundle)</translation>
    </message>
    <message>
        <source>Identiteten för %1 är återställd. Välj nu dina paket med samma knapp.</source>
        <translation>The identity of %1 is restored. Now choose your bundles with the same button.</translation>
    </message>
    <message>
        <source>Identiteten för %1 är återställd och %2 paket är importerade: allt du synkat är tillbaka.</source>
        <translation>The identity of %1 is restored and %2 bundles are imported: everything you synced is back.</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <location filename="../../ui/unit/pages.py" line="310" />
        <source>Statistik</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="314" />
        <source>Placeringstyp</source>
        <translation>Placement kind</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="314" />
        <source>Rytm</source>
        <translation>Rhythm</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="314" />
        <source>Placeringar</source>
        <translation>Placements</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="315" />
        <source>Samtal hållna/väntade</source>
        <translation>Talks held/due</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="315" />
        <source>Uppnått</source>
        <translation>Achieved</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="324" />
        <source>Ingen BT-läkares paket har importerats ännu. Importera paket under Import.</source>
        <translation>No BT doctor's bundle has been imported yet. Import bundles under Import.</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="339" />
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="327" />
        <source>%1 BT-läkare; %2 har börjat BT, %3 har tjänstgjort programmets tid, %4 har fullgjort BT (tid, HSLF-FS 2021:8:s minimum och slutbedömning), %5 har slutat.</source>
        <translation>%1 BT doctors; %2 have started BT, %3 have served the programme's time, %4 have completed BT (time, the HSLF-FS 2021:8 minimums and the final assessment), %5 have left.</translation>
    </message>
    <message>
        <location filename="../../ui/unit/pages.py" line="333" />
        <source>Klara inom %1 kalendermånader: %2 av %3 som började för minst %1 månader sedan; %4 av de %3 hade ledighet (%5 månader på heltid).</source>
        <translation>Completed within %1 calendar months: %2 of %3 who started at least %1 months ago; %4 of the %3 had leave (%5 months full time).</translation>
    </message>
</context>
<context>
    <name>SupervisorDashboard</name>
    <message>
        <source>BT-läkare</source>
        <translation>BT doctor</translation>
    </message>
    <message>
        <source>Placering</source>
        <translation>Placement</translation>
    </message>
    <message>
        <source>Tjänstgjort</source>
        <translation>Served</translation>
    </message>
    <message>
        <source>Givna bedömningar</source>
        <translation>Assessments given</translation>
    </message>
    <message>
        <source>Begärda, ej besvarade</source>
        <translation>Requested, not answered</translation>
    </message>
    <message>
        <source>Handledningssamtal</source>
        <translation>Supervision talks</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="38" />
        <source>&lt;b&gt;Mina BT-läkare&lt;/b&gt;</source>
        <translation>&lt;b&gt;My BT doctors&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="40" />
        <source>Inga BT-läkare ännu. Öppna en begäran från en BT-läkare, eller lägg till läkarens certifikat.</source>
        <translation>No BT doctors yet. Open a request from a BT doctor, or add the doctor's certificate.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="63" />
        <source>Öppna begäran…</source>
        <translation>Open request…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="67" />
        <source>Ny bedömning utan begäran</source>
        <translation>New assessment without a request</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="68" />
        <source>Lägg till BT-läkare från certifikat…</source>
        <translation>Add BT doctor from certificate…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="69" />
        <source>Nytt samtal…</source>
        <translation>New talk…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="70" />
        <source>Dokumentera och signera ett handledningssamtal med den valda BT-läkaren</source>
        <translation>Record and sign a supervision talk with the selected BT doctor</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="73" />
        <source>Formulär:</source>
        <translation>Form:</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="98" />
        <source>%1 mån
(enligt begäran %2)</source>
        <translation>%1 mo
(per request of %2)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="99" />
        <source>okänt</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="124" />
        <source>okänt: ingen begäran
har visat placeringen</source>
        <translation>unknown: no request
has shown the placement</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="126" />
        <source>%1 av %2 hållna</source>
        <translation>%1 of %2 held</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="127" />
        <source> (%1 saknas)</source>
        <translation> (%1 missing)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="128" />
        <source>nästa %1</source>
        <translation>next %1</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="129" />
        <source>placeringen är slut</source>
        <translation>the placement has ended</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="131" />
        <source>%1 signerade av dig</source>
        <translation>%1 signed by you</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="137" />
        <source>Samtal för %1: %2</source>
        <translation>Talks for %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="145" />
        <source>Öppna begäran</source>
        <translation>Open request</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="146" />
        <source>Begäran om bedömning (*.btrequest)</source>
        <translation>Assessment request (*.btrequest)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="168" />
        <location filename="../../ui/supervisor/dashboard.py" line="184" />
        <source>Välj först en BT-läkare i listan.</source>
        <translation>First choose a BT doctor in the list.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="206" />
        <source>BT-läkarens certifikat</source>
        <translation>The BT doctor's certificate</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="207" />
        <source>Certifikat (*.pem *.crt)</source>
        <translation>Certificates (*.pem *.crt)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="1" />
        <source>%1 hållna, %2 väntade</source>
        <translation>%1 held, %2 due</translation>
    </message>
</context>
<context>
    <name>SyncButton</name>
    <message>
        <location filename="../../ui/sync_button.py" line="20" />
        <source>Synkronisera</source>
        <translation>Synchronise</translation>
    </message>
    <message>
        <location filename="../../ui/sync_button.py" line="21" />
        <source>Skicka nya poster till synkmappen och importera det som kommit in</source>
        <translation>Send new records to the sync folder and import what has arrived</translation>
    </message>
    <message>
        <location filename="../../ui/sync_button.py" line="35" />
        <source>Ingen synkmapp vald ännu; välj en under Inställningar.</source>
        <translation>No sync folder chosen yet; choose one under Settings.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_button.py" line="38" />
        <source>Synkroniserar …</source>
        <translation>Synchronising …</translation>
    </message>
    <message>
        <location filename="../../ui/sync_button.py" line="52" />
        <source>Synkroniseringen misslyckades.</source>
        <translation>Synchronisation failed.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_button.py" line="56" />
        <source>Synkat med %1: skickat %2, importerat %3.</source>
        <translation>Synced with %1: sent %2, imported %3.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_button.py" line="60" />
        <source>%1 redan importerade.</source>
        <translation>%1 already imported.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_button.py" line="62" />
        <source>%1 avvisade (se inbox/rejected).</source>
        <translation>%1 refused (see inbox/rejected).</translation>
    </message>
</context>
<context>
    <name>TalkDialog</name>
    <message>
        <location filename="../../ui/views/talk_dialog.py" line="35" />
        <source>Ändra samtal</source>
        <translation>Edit talk</translation>
    </message>
    <message>
        <location filename="../../ui/views/talk_dialog.py" line="35" />
        <source>Nytt samtal</source>
        <translation>New talk</translation>
    </message>
    <message>
        <location filename="../../ui/views/talk_dialog.py" line="42" />
        <source>(ingen)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/views/talk_dialog.py" line="47" />
        <source>kommaseparerade namn</source>
        <translation>comma-separated names</translation>
    </message>
    <message>
        <location filename="../../ui/views/talk_dialog.py" line="55" />
        <source>ett ämne per rad</source>
        <translation>one topic per line</translation>
    </message>
    <message>
        <location filename="../../ui/views/talk_dialog.py" line="56" />
        <source>en överenskommelse per rad</source>
        <translation>one agreed action per line</translation>
    </message>
    <message>
        <location filename="../../ui/views/talk_dialog.py" line="63" />
        <source>Överenskommet %1:</source>
        <translation>Agreed on %1:</translation>
    </message>
    <message>
        <location filename="../../ui/views/talk_dialog.py" line="66" />
        <source>Inga överenskommelser från tidigare samtal.</source>
        <translation>No agreed actions from earlier talks.</translation>
    </message>
    <message>
        <location filename="../../ui/views/talk_dialog.py" line="67" />
        <source>Förra gången</source>
        <translation>Last time</translation>
    </message>
    <message>
        <location filename="../../ui/views/talk_dialog.py" line="71" />
        <source>&amp;Typ</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <location filename="../../ui/views/talk_dialog.py" line="72" />
        <source>&amp;Datum</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location filename="../../ui/views/talk_dialog.py" line="73" />
        <source>&amp;Placering</source>
        <translation>&amp;Placement</translation>
    </message>
    <message>
        <location filename="../../ui/views/talk_dialog.py" line="74" />
        <source>D&amp;eltagare</source>
        <translation>P&amp;articipants</translation>
    </message>
    <message>
        <location filename="../../ui/views/talk_dialog.py" line="75" />
        <source>Ä&amp;mnen</source>
        <translation>To&amp;pics</translation>
    </message>
    <message>
        <location filename="../../ui/views/talk_dialog.py" line="76" />
        <source>&amp;Anteckningar</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <location filename="../../ui/views/talk_dialog.py" line="77" />
        <source>&amp;Överenskommelser</source>
        <translation>&amp;Agreed actions</translation>
    </message>
    <message>
        <location filename="../../ui/views/talk_dialog.py" line="78" />
        <source>Delmål</source>
        <translation>Delmål</translation>
    </message>
</context>
<context>
    <name>TalksPage</name>
    <message>
        <location filename="../../ui/supervisor/given.py" line="93" />
        <source>Samtal</source>
        <translation>Talks</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/given.py" line="94" />
        <source>Du har inte signerat något handledningssamtal ännu. Välj en BT-läkare under Mina BT-läkare och tryck Nytt samtal.</source>
        <translation>You have not signed a supervision talk yet. Choose a BT doctor under My BT doctors and press New talk.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/given.py" line="96" />
        <source>BT-läkare</source>
        <translation>BT doctor</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/given.py" line="96" />
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/given.py" line="96" />
        <source>Ämnen</source>
        <translation>Topics</translation>
    </message>
</context>
<context>
    <name>TalksView</name>
    <message>
        <location filename="../../ui/views/talks.py" line="82" />
        <source> (obekräftad signatur)</source>
        <translation> (unconfirmed signature)</translation>
    </message>
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
        <location filename="../../ui/views/talks.py" line="89" />
        <source>Ingen placering vald.</source>
        <translation>No placement chosen.</translation>
    </message>
    <message>
        <location filename="../../ui/views/talks.py" line="102" />
        <source>saknas</source>
        <translation>missing</translation>
    </message>
    <message>
        <location filename="../../ui/views/talks.py" line="105" />
        <source>%1 samtal hållna; %2 väntade hittills, %3 under hela placeringen (var %4:e dag).</source>
        <translation>%1 talks held; %2 expected so far, %3 in the whole placement (every %4 days).</translation>
    </message>
    <message>
        <location filename="../../ui/views/talks.py" line="135" />
        <source>Ändra samtal</source>
        <translation>Edit talk</translation>
    </message>
    <message>
        <location filename="../../ui/views/talks.py" line="135" />
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
<context>
    <name>ViewStack</name>
    <message>
        <location filename="../../ui/view_stack.py" line="66" />
        <source>Översikt</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../ui/view_stack.py" line="67" />
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../ui/view_stack.py" line="68" />
        <source>Checklistor</source>
        <translation>Checklists</translation>
    </message>
    <message>
        <location filename="../../ui/view_stack.py" line="69" />
        <source>Aktiviteter</source>
        <translation>Activities</translation>
    </message>
    <message>
        <location filename="../../ui/view_stack.py" line="70" />
        <source>Handledning</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <location filename="../../ui/view_stack.py" line="71" />
        <source>Bedömningar</source>
        <translation>Assessments</translation>
    </message>
    <message>
        <location filename="../../ui/view_stack.py" line="72" />
        <source>Delmål</source>
        <translation>Delmål</translation>
    </message>
    <message>
        <location filename="../../ui/view_stack.py" line="73" />
        <source>Dokument</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../ui/view_stack.py" line="74" />
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/view_stack.py" line="75" />
        <source>Mina BT-läkare</source>
        <translation>My BT doctors</translation>
    </message>
    <message>
        <location filename="../../ui/view_stack.py" line="76" />
        <source>Begäranden</source>
        <translation>Requests</translation>
    </message>
    <message>
        <location filename="../../ui/view_stack.py" line="77" />
        <source>Givna bedömningar</source>
        <translation>Assessments given</translation>
    </message>
    <message>
        <location filename="../../ui/view_stack.py" line="78" />
        <source>Samtal</source>
        <translation>Talks</translation>
    </message>
    <message>
        <location filename="../../ui/view_stack.py" line="79" />
        <source>Export/Synk</source>
        <translation>Export/Sync</translation>
    </message>
    <message>
        <location filename="../../ui/view_stack.py" line="80" />
        <source>Kullen</source>
        <translation>Cohort</translation>
    </message>
    <message>
        <location filename="../../ui/view_stack.py" line="81" />
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/view_stack.py" line="82" />
        <source>Slutbedömning</source>
        <translation>Final assessment</translation>
    </message>
    <message>
        <location filename="../../ui/view_stack.py" line="83" />
        <source>Certifikat</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <location filename="../../ui/view_stack.py" line="84" />
        <source>Statistik</source>
        <translation>Statistics</translation>
    </message>
</context>
<context>
    <name>Warnings</name>
    <message>
        <location filename="../../ui/views/warnings_text.py" line="35" />
        <source>Placeringen %1 har typen "%2", som inte finns i programmet %3 (där finns: %4).</source>
        <translation>The placement %1 has the type "%2", which is not in the programme %3 (it has: %4).</translation>
    </message>
    <message>
        <location filename="../../ui/views/warnings_text.py" line="37" />
        <source>Placeringen %1 slutar %2, före sin start %3.</source>
        <translation>The placement %1 ends on %2, before its start on %3.</translation>
    </message>
    <message>
        <location filename="../../ui/views/warnings_text.py" line="38" />
        <source>Placeringen %1 har omfattningen %2 %; den ska vara mer än 0 och högst 100 %.</source>
        <translation>The placement %1 is at %2 %; it must be more than 0 and at most 100 %.</translation>
    </message>
    <message>
        <location filename="../../ui/views/warnings_text.py" line="39" />
        <source>Planen motsvarar %1 på heltid; bastjänstgöringen ska omfatta minst %2 månader (%3).</source>
        <translation>The plan comes to %1 full time; BT must cover at least %2 months (%3).</translation>
    </message>
    <message>
        <location filename="../../ui/views/warnings_text.py" line="41" />
        <source>Planen har %1 akut sjukvård; minst %2 krävs (%3).</source>
        <translation>The plan has %1 of emergency care; at least %2 are required (%3).</translation>
    </message>
    <message>
        <location filename="../../ui/views/warnings_text.py" line="42" />
        <source>Planen har %1 primärvård; minst %2 krävs (%3).</source>
        <translation>The plan has %1 of primary care; at least %2 are required (%3).</translation>
    </message>
    <message>
        <location filename="../../ui/views/warnings_text.py" line="43" />
        <source>Planen har %1 tjänstgöringsställen; högst %2 rekommenderas (%3).</source>
        <translation>The plan has %1 sites of service; at most %2 are recommended (%3).</translation>
    </message>
    <message>
        <location filename="../../ui/views/warnings_text.py" line="44" />
        <source>Placeringarna %1 och %2 överlappar %3–%4.</source>
        <translation>The placements %1 and %2 overlap %3–%4.</translation>
    </message>
    <message>
        <location filename="../../ui/views/warnings_text.py" line="45" />
        <source>Planen saknar placeringen %1, som ingår i programmet %2.</source>
        <translation>The plan lacks the placement %1, which is part of the programme %2.</translation>
    </message>
    <message>
        <location filename="../../ui/views/warnings_text.py" line="46" />
        <source>Placeringen %1 ligger efter %2, men programmet %3 har en fast ordning.</source>
        <translation>The placement %1 comes after %2, but the programme %3 has a fixed order.</translation>
    </message>
    <message>
        <location filename="../../ui/views/warnings_text.py" line="56" />
        <source>En placering har en typ som inte finns i programmet.</source>
        <translation>A placement has a type that is not in the programme.</translation>
    </message>
    <message>
        <location filename="../../ui/views/warnings_text.py" line="57" />
        <source>En placering slutar före sin start.</source>
        <translation>A placement ends before it starts.</translation>
    </message>
    <message>
        <location filename="../../ui/views/warnings_text.py" line="58" />
        <source>En placering har en omfattning utanför 1–100 %.</source>
        <translation>A placement has a rate outside 1–100 %.</translation>
    </message>
    <message>
        <location filename="../../ui/views/warnings_text.py" line="59" />
        <source>Planen är kortare än bastjänstgöringens minsta längd.</source>
        <translation>The plan is shorter than the minimum length of BT.</translation>
    </message>
    <message>
        <location filename="../../ui/views/warnings_text.py" line="60" />
        <source>Planen har för lite akut sjukvård.</source>
        <translation>The plan has too little emergency care.</translation>
    </message>
    <message>
        <location filename="../../ui/views/warnings_text.py" line="61" />
        <source>Planen har för lite primärvård.</source>
        <translation>The plan has too little primary care.</translation>
    </message>
    <message>
        <location filename="../../ui/views/warnings_text.py" line="62" />
        <source>Planen har fler tjänstgöringsställen än som rekommenderas.</source>
        <translation>The plan has more sites of service than recommended.</translation>
    </message>
    <message>
        <location filename="../../ui/views/warnings_text.py" line="63" />
        <source>Två placeringar överlappar.</source>
        <translation>Two placements overlap.</translation>
    </message>
    <message>
        <location filename="../../ui/views/warnings_text.py" line="64" />
        <source>Planen saknar en placering som ingår i programmet.</source>
        <translation>The plan lacks a placement that is part of the programme.</translation>
    </message>
    <message>
        <location filename="../../ui/views/warnings_text.py" line="65" />
        <source>Placeringarna ligger i fel ordning för programmet.</source>
        <translation>The placements are in the wrong order for the programme.</translation>
    </message>
    <message>
        <location filename="../../ui/views/warnings_text.py" line="79" />
        <location filename="../../ui/views/warnings_text.py" line="105" />
        <source>%1 mån</source>
        <translation>%1 months</translation>
    </message>
    <message>
        <location filename="../../ui/views/warnings_text.py" line="47" />
        <source>Planen motsvarar %1 månader på heltid; programmet %2 omfattar %3 månader.</source>
        <translation>The plan amounts to %1 months full time; the programme %2 comprises %3 months.</translation>
    </message>
    <message>
        <location filename="../../ui/views/warnings_text.py" line="49" />
        <source>Placeringen %1 motsvarar %2 månader på heltid; programmet anger %3 månader.</source>
        <translation>The placement %1 amounts to %2 months full time; the programme sets %3 months.</translation>
    </message>
    <message>
        <location filename="../../ui/views/warnings_text.py" line="66" />
        <source>Planen är kortare än programmet.</source>
        <translation>The plan is shorter than the programme.</translation>
    </message>
    <message>
        <location filename="../../ui/views/warnings_text.py" line="67" />
        <source>En placering är kortare än programmet anger.</source>
        <translation>A placement is shorter than the programme sets.</translation>
    </message>
    <message>
        <location filename="../../ui/views/warnings_text.py" line="118" />
        <source>Bedömningar %1 av %2 väntade vid det här laget (%3).</source>
        <translation>Assessments: %1 of %2 expected by now (%3).</translation>
    </message>
    <message>
        <location filename="../../ui/views/warnings_text.py" line="120" />
        <source>Lärandeaktiviteter %1 av %2 väntade vid det här laget.</source>
        <translation>Learning activities: %1 of %2 expected by now.</translation>
    </message>
    <message>
        <location filename="../../ui/views/warnings_text.py" line="126" />
        <source>aktiviteter</source>
        <translation>activities</translation>
    </message>
    <message>
        <location filename="../../ui/views/warnings_text.py" line="127" />
        <source>%1 %2 av %3 väntade</source>
        <translation>%1 %2 of %3 expected</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Disken är full; frigör utrymme och försök igen</source>
        <translation>The disk is full; free space and try again</translation>
    </message>
    <message>
        <source>%1 ligger på en skrivskyddad disk; välj en plats där btdesk får skriva och försök igen</source>
        <translation>%1 is on a read-only disk; choose a place btdesk may write to and try again</translation>
    </message>
    <message>
        <source>btdesk får inte använda %1 (åtkomst nekad); kontrollera behörigheterna och försök igen</source>
        <translation>btdesk is not allowed to use %1 (permission denied); check its permissions and try again</translation>
    </message>
    <message>
        <source>%1 finns inte; kontrollera namnet och försök igen</source>
        <translation>%1 does not exist; check the name and try again</translation>
    </message>
    <message>
        <source>%1 är en mapp, inte en fil; ange en fil och försök igen</source>
        <translation>%1 is a folder, not a file; name a file and try again</translation>
    </message>
    <message>
        <source>En del av sökvägen %1 är en fil, inte en mapp; kontrollera sökvägen och försök igen</source>
        <translation>A part of the path %1 is a file, not a folder; check the path and try again</translation>
    </message>
    <message>
        <source>Disken rapporterade ett fel när %1 lästes eller skrevs; kontrollera disken och försök igen</source>
        <translation>The disk reported an error while reading or writing %1; check the disk and try again</translation>
    </message>
    <message>
        <source>Namnet %1 är för långt; välj ett kortare och försök igen</source>
        <translation>The name %1 is too long; choose a shorter one and try again</translation>
    </message>
    <message>
        <source>Portföljens databas är skadad eller ingen btdesk-portfölj; återställ den från mappen backups eller från en kopia</source>
        <translation>The portfolio database is damaged or is not a btdesk portfolio; restore it from the backups folder or a copy</translation>
    </message>
    <message>
        <source>Portföljens databas är skrivskyddad; ge din användare skrivrätt till den (eller arbeta i en kopia) och försök igen</source>
        <translation>The portfolio database is read-only; give your user write permission on it (or work on a copy) and try again</translation>
    </message>
    <message>
        <source>Portföljens databas kan inte öppnas; kontrollera att mappen finns och att btdesk får skriva i den</source>
        <translation>The portfolio database cannot be opened; check that its folder exists and may be written to</translation>
    </message>
    <message>
        <source>Portföljen används av ett annat program; stäng det och försök igen</source>
        <translation>The portfolio is busy in another program; close it and try again</translation>
    </message>
    <message>
        <source>Disken rapporterade ett fel när portföljen skrevs; kontrollera disken och försök igen</source>
        <translation>The disk reported an error while writing the portfolio; check the disk and try again</translation>
    </message>
    <message>
        <source>%1 är ingen btdesk-portfölj (ingen SQLite-databas); återställ den från mappen backups eller från en kopia</source>
        <translation>%1 is not a btdesk portfolio (not an SQLite database); restore it from the backups folder or a copy</translation>
    </message>
    <message>
        <source>Portföljens databas %1 är tom (0 byte), kanske efter en avbruten kopiering; återställ den från mappen backups eller från en kopia</source>
        <translation>The portfolio database %1 is empty (0 bytes), perhaps from an interrupted copy; restore it from the backups folder or a copy</translation>
    </message>
    <message>
        <source>ingenting ändrades.</source>
        <translation>nothing was changed.</translation>
    </message>
    <message>
        <source>det som blev klart innan är sparat, och det ofullständiga steget ändrade ingenting.</source>
        <translation>what was finished before stays saved, and the unfinished step changed nothing.</translation>
    </message>
    <message>
        <source>Något oväntat gick fel; berätta för supporten vad du gjorde.</source>
        <translation>Something unexpected went wrong; please tell support what you were doing.</translation>
    </message>
    <message>
        <source>Något oväntat gick fel; detaljerna finns i loggen %1 — skicka den filen till supporten.</source>
        <translation>Something unexpected went wrong; the details are in the log %1 — please send that file to support.</translation>
    </message>
    <message>
        <source>Loggen finns i %1.</source>
        <translation>The log is in %1.</translation>
    </message>
    <message>
        <source>Det finns ingen logg ännu.</source>
        <translation>There is no log yet.</translation>
    </message>
    <message>
        <source>Loggen kunde inte öppnas; den finns i %1.</source>
        <translation>The log could not be opened; it is in %1.</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Avbryter efter det som pågår just nu; det som redan är klart behålls.</source>
        <translation>Cancelling after what is in progress right now; what is already done is kept.</translation>
    </message>
    <message>
        <source>Avbryter; det pågående arbetet sparas inte, och ingenting ändras.</source>
        <translation>Cancelling; the work in progress is not saved, and nothing is changed.</translation>
    </message>
    <message>
        <source>Avbrutet; det som blev klart innan är sparat.</source>
        <translation>Cancelled; what was done before is saved.</translation>
    </message>
    <message>
        <source>Avbrutet; ingenting ändrades.</source>
        <translation>Cancelled; nothing was changed.</translation>
    </message>
    <message>
        <source>Arbetet hann bli klart innan det kunde avbrytas.</source>
        <translation>The work finished before it could be cancelled.</translation>
    </message>
</context>
<context>
    <name>FileImport</name>
    <message>
        <source>Importen avbröts; ingenting ändrades.</source>
        <translation>The import was cancelled; nothing was changed.</translation>
    </message>
    <message>
        <source>Importen avbröts efter %1 av %2 filer: de som redan importerats finns kvar, de %3 övriga är orörda.</source>
        <translation>The import was cancelled after %1 of %2 files: those already imported stay, the other %3 are untouched.</translation>
    </message>
</context>
<context>
    <name>CertificateFields</name>
    <message>
        <source>Efternamn</source>
        <translation>Surname</translation>
    </message>
    <message>
        <source>Förnamn</source>
        <translation>Given name</translation>
    </message>
    <message>
        <source>Personnummer</source>
        <translation>Personnummer</translation>
    </message>
    <message>
        <source>Utdelningsadress</source>
        <translation>Postal address</translation>
    </message>
    <message>
        <source>Postnummer</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Postort</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Telefon privat</source>
        <translation>Phone (private)</translation>
    </message>
    <message>
        <source>E-postadress</source>
        <translation>Email address</translation>
    </message>
    <message>
        <source>Arbetsplats</source>
        <translation>Workplace</translation>
    </message>
    <message>
        <source>Telefon arbetet</source>
        <translation>Phone (work)</translation>
    </message>
    <message>
        <source>Läkarexamen, land</source>
        <translation>Medical degree, country</translation>
    </message>
    <message>
        <source>Läkarexamen, datum (ÅÅÅÅ-MM-DD)</source>
        <translation>Medical degree, date (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>Delmål i bastjänstgöringen</source>
        <translation>Delmål of BT</translation>
    </message>
    <message>
        <source>Fullgjord bastjänstgöring</source>
        <translation>Completed BT</translation>
    </message>
    <message>
        <source>Uppnådd baskompetens</source>
        <translation>Basic competence attained</translation>
    </message>
    <message>
        <source>Tjänstgöring före legitimation</source>
        <translation>Service before licensure</translation>
    </message>
    <message>
        <source>Utländsk tjänstgöring</source>
        <translation>Service abroad</translation>
    </message>
    <message>
        <source>Huvudhandledare</source>
        <translation>Huvudhandledare (main supervisor)</translation>
    </message>
    <message>
        <source>Extern bedömare</source>
        <translation>External assessor</translation>
    </message>
    <message>
        <source>Verksamhetschef</source>
        <translation>Head of department</translation>
    </message>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Specialitet</source>
        <translation>Specialty</translation>
    </message>
    <message>
        <source>Tjänsteställe</source>
        <translation>Place of work</translation>
    </message>
</context>
</TS>
