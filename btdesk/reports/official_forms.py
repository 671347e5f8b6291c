"""Socialstyrelsen's BT certificates (HSLF-FS 2021:8, Bilaga 1–4): their printed texts, verbatim,
and their AcroForm field names, exactly as in the fillable PDFs (spaces and odd breaks included).

A certificate's content is one mapping of these field names to text: the same mapping fills
the official form and is drawn into btdesk's look-alike, so the two cannot say different things.
"""
from __future__ import annotations

# -- field names ----------------------------------------------------------------------------
SURNAME, GIVEN_NAME, PERSONNUMMER = "Efternamn", "Förnamn", "Personnummer"
BILAGA_NR = "Bilaga nr"
PLACE_DATE, NAME_CLARIFIED, SIGNER_PNR = "Ort och datum", "Namnförtydligande", "Personnummer_2"
SPECIALTY, WORKPLACE = "Specialitet", "Tjänsteställe"

B1_FIELDS = ("Efternamn", "Förnamn", "Personnummer", "Utdelningsadress", "Postnummer", "Postort",
             "Telefon privat inkl riktnummer", "Epostadress", "Arbetsplats", "Telefon arbetet inkl riktnummer")
B1_DEGREE = ("Land", "Datum ååmmdd")
B1_LICENCES = (("Land_2", "Datum ååmmdd_2"), ("Land_3", "Datum ååmmdd_3"), ("Land_4", "Datum ååmmdd_4"))
B1_ATTACHMENTS = tuple(f"Bilagor nr.{i}" for i in range(5))

B2_DELMAL = "Delmål som intyget avser tex BT1 BT2"
B2_ACTIVITIES = ("Utbildningsaktiviteter som sökanden genomfört för att uppnå delmål tex kliniska tjänstgöringar "
                 "under handledning kurser eller tidigare tjänstgöring Om intyget avser flera delmål beskriv vilka "
                 "utbildningsaktiviteter som avser vilka delmål")
B2_CHECKS = ("Hur det kontrollerats att sökanden uppnått delmål tex bedömningar av kliniskt omhändertagande eller "
             "kursexaminationer Om intyget avser flera delmål beskriv vilka kontroller som avser vilka delmål")

B3_ROWS = 18


def b3_row(n: int) -> tuple[str, str, str, str]:
    """The four fields of Bilaga 3's row n (1–18); mind the space inside "omfatt ning"."""
    return (f"Tjänstgöringsställe sjukhus klinik enhet eller annan specificeringRow{n}",
            f"Period ååmmddååmmddRow{n}",
            f"Tjänstgöringens omfatt ning i procent av heltidRow{n}",
            f"Tjänstgöringens omfatt ning omräknad till månader på heltidRow{n}")


B3_SUM = "Tjänstgöringens omfatt ning omräknad till månader på heltidSumma"
B3_PRIMARVARD = "Redogör för vilken eller vilka delar av tjänstgöringen som genomförts inom primärvård"
B3_AKUT = "Redogör för vilken eller vilka delar av tjänstgöringen som genomförts inom akut sjukvård"

B4_SECOND = ("Ort och datum_2", "Namnförtydligande_2", "Personnummer_3", "Specialitet_2", "Tjänsteställe_2")

# -- printed texts, verbatim --------------------------------------------------------------------
HSLF = "HSLF-FS 2021:8"
PERSONAL_DATA = ("Personuppgifter som lämnas i ansökan registreras av Socialstyrelsen i ett "
                 "ärendehanteringssystem som uppdateras med vissa folkbokföringsuppgifter. Mer information om "
                 "Socialstyrelsens behandling av personuppgifter finns på socialstyrelsen.se")
APPLICANT_LABELS = ("Efternamn", "Förnamn", "Personnummer", "Utdelningsadress", "Postnummer", "Postort",
                    "Telefon privat (inkl. riktnummer)", "E-postadress", "Arbetsplats",
                    "Telefon arbetet (inkl. riktnummer)")
DATE_LABEL = "Datum (ååmmdd)"
ATTACHMENT_ROWS = (("Delmål i bastjänstgöringen", "Bilagor nr"), ("Fullgjord bastjänstgöring", "Bilaga nr"),
                   ("Uppnådd baskompetens", "Bilaga nr"), ("Tjänstgöring före legitimation", "Bilaga/-or nr"),
                   ("Utländsk tjänstgöring", "Bilaga nr"))

B2_DELMAL_LABEL = "Delmål som intyget avser (t.ex. BT1, BT2)"
B2_ACTIVITIES_LABEL = ("Utbildningsaktiviteter som sökanden genomfört för att uppnå delmål (t.ex. kliniska "
                       "tjänstgöringar under handledning, kurser eller tidigare tjänstgöring). Om intyget avser flera "
                       "delmål, beskriv vilka utbildningsaktiviteter som avser vilka delmål.")
B2_CHECKS_LABEL = ("Hur det kontrollerats att sökanden uppnått delmål (t.ex. bedömningar av kliniskt "
                   "omhändertagande eller kursexaminationer). Om intyget avser flera delmål, beskriv vilka "
                   "kontroller som avser vilka delmål.")
B2_STATEMENT = "Intygsutfärdande handledare bedömer att sökanden har uppnått delmålet/-n."

B3_COLUMNS = ("Tjänstgöringsställe (sjukhus, klinik, enhet eller annan specificering)", "Period (ååmmdd-ååmmdd)",
              "Tjänstgöringens omfattning i procent av heltid",
              "Tjänstgöringens omfattning omräknad till månader på heltid")
B3_PRIMARVARD_HEAD = "Del av tjänstgöringen inom primärvård"
B3_PRIMARVARD_GUIDE = ("Redogör för vilken eller vilka delar av tjänstgöringen som genomförts inom primärvård.")
B3_AKUT_HEAD = "Del av tjänstgöringen inom akut sjukvård"
B3_AKUT_GUIDE = "Redogör för vilken eller vilka delar av tjänstgöringen som genomförts inom akut sjukvård."
B3_STATEMENT = ("Intygsutfärdande huvudansvarig verksamhetschef/motsvarande intygar att sökanden har fullgjort "
                "bastjänstgöring enligt tjänsteförteckningen.")

B4_HANDLEDARE = ("Intygsutfärdande huvudansvarig handledare bedömer att sökanden har uppnått samtliga delmål i "
                 "målbeskrivningen för bastjänstgöringen.")
B4_EXTERN = ("Intygsutfärdande extern bedömare bedömer att sökanden har uppnått samtliga delmål i "
             "målbeskrivningen för bastjänstgöringen.")

SIGNER_LABELS = ("Namnteckning", "Ort och datum", "Namnförtydligande", "Personnummer", "Specialitet", "Tjänsteställe")
B3_SIGNER_LABELS = ("Namnteckning", "Ort och datum", "Namnförtydligande", "Tjänsteställe")

TITLES = {"bilaga1": ("ANSÖKAN", "om intyg om godkänd bastjänstgöring"),
          "bilaga2": ("INTYG", "om delmål i bastjänstgöringen"),
          "bilaga3": ("INTYG", "om fullgjord bastjänstgöring"),
          "bilaga4": ("INTYG", "om uppnådd baskompetens")}
NUMBERS = {"bilaga1": 1, "bilaga2": 2, "bilaga3": 3, "bilaga4": 4}


def all_field_names(kind: str) -> tuple[str, ...]:
    """Every data field of one form, for filling and for recognising the form a user picked."""
    head = (SURNAME, GIVEN_NAME, PERSONNUMMER)
    signer = (PLACE_DATE, NAME_CLARIFIED, SIGNER_PNR, SPECIALTY, WORKPLACE)
    if kind == "bilaga1":
        lic = tuple(x for row in B1_LICENCES for x in row)
        return B1_FIELDS + B1_DEGREE + lic + (PLACE_DATE,) + B1_ATTACHMENTS
    if kind == "bilaga2":
        return head + (B2_DELMAL, B2_ACTIVITIES, B2_CHECKS) + signer + (BILAGA_NR,)
    if kind == "bilaga3":
        rows = tuple(x for n in range(1, B3_ROWS + 1) for x in b3_row(n))
        return head + rows + (B3_SUM, B3_PRIMARVARD, B3_AKUT, PLACE_DATE, NAME_CLARIFIED, WORKPLACE, BILAGA_NR)
    if kind == "bilaga4":
        return head + signer + B4_SECOND + (BILAGA_NR,)
    raise ValueError(kind)


# Fields whose presence tells one form from the others (a user may pick the wrong file)
SIGNATURE_FIELDS = {"bilaga1": "Bilagor nr.0", "bilaga2": B2_ACTIVITIES, "bilaga3": B3_SUM,
                    "bilaga4": "Namnförtydligande_2"}
