"""Words that give a language away, for the one-language tests (window walk and CLI).

SWEDISH must not appear in English output, ENGLISH not in Swedish output; DOMAIN words stay
Swedish in both languages (the regulation's terms, names, places)."""
from __future__ import annotations

import re

SWEDISH = {"och", "av", "är", "inte", "bedömning", "bedömningar", "placering", "placeringar", "månader",
           "månad", "för", "med", "till", "som", "har", "ingen", "inga", "inget", "eller", "på", "att", "den",
           "det", "sparad", "spara", "avbryt", "ny", "nytt", "ändra", "ta", "bort", "visa", "öppna", "fil", "filen",
           "datum", "typ", "timmar", "samtal", "handledning", "aktivitet", "aktiviteter", "dokument", "översikt",
           "klar", "kvar", "alla", "vecka", "veckor", "dagar", "utkast", "sök", "begär", "skicka", "läkare",
           "tjänstgjort", "tjänstgjorda", "planerat", "ledighet", "startkull", "konflikter", "senaste", "paket",
           "paketet", "givna", "begärda", "besvarade", "handledningssamtal", "mina", "begäranden", "kullen",
           "finns", "kan", "ange", "välj", "ingenting", "ändrades", "portfölj", "portföljen", "profil", "profilen",
           "underskrift", "underskriften", "avvisades", "skadad", "mapp", "program", "programmet", "ja", "nej",
           "fas", "tid", "varning", "slutar", "före", "planen", "heltid", "väntade", "pågår", "planerad"}
ENGLISH = {"the", "and", "of", "is", "not", "assessment", "assessments", "placement", "placements", "months",
           "with", "save", "cancel", "open", "show", "new", "edit", "remove", "file", "date", "hours", "talk",
           "activity", "activities", "document", "documents", "overview", "none", "no", "search", "request",
           "send", "doctor", "supervisor", "settings", "help", "quit", "was", "cannot", "there", "this", "give",
           "nothing", "changed", "refused", "bundle", "portfolio", "signature", "folder", "programme", "yes",
           "phase", "time", "warning", "ends", "before", "full", "expected", "served", "planned"}
# words that stay Swedish in both languages (domain words, names, places)
DOMAIN = {"delmål", "handledare", "huvudhandledare", "intyg", "bt", "bt-läkare", "kompetenskrav", "bilaga",
          "amira", "haddad", "karin", "lind", "erik", "berg", "södersjukhuset", "socialstyrelsen", "bedömare",
          "extern", "primärvård", "akut", "sjukvård", "uppnått", "ej", "bedömt", "personnummer"}


def strange_words(text: str, words: set[str]) -> set[str]:
    """The words of `words` in text (markup, paths and command names left out), domain words allowed."""
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"(?:/|[A-Za-z]:\\)\S+", " ", text)  # file paths say nothing about the language
    text = re.sub(r"'btdesk [^']*'|--[\w-]+", " ", text)  # commands and options are not translated
    found = set(re.findall(r"[\wåäöÅÄÖ-]+", text.lower()))
    return (found & words) - DOMAIN
