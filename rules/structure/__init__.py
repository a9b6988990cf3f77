"""NL3xx: story structure and scraping debris."""

from newslint.rules.structure.boilerplate_line import BoilerplateLine
from newslint.rules.structure.duplicated_dateline import DuplicatedDateline
from newslint.rules.structure.duplicated_headline import DuplicatedHeadline
from newslint.rules.structure.duplicated_paragraph import DuplicatedParagraph
from newslint.rules.structure.duplicated_sentence import DuplicatedSentence
from newslint.rules.structure.truncated_ending import TruncatedEnding

RULES = (
    DuplicatedHeadline,
    DuplicatedParagraph,
    TruncatedEnding,
    BoilerplateLine,
    DuplicatedSentence,
    DuplicatedDateline,
)
