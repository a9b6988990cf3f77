"""NL52x: encoding damage."""
from newslint.rules.encoding.html_entity import HtmlEntity
from newslint.rules.encoding.html_tag import HtmlTag
from newslint.rules.encoding.invisible_character import InvisibleCharacter
from newslint.rules.encoding.mojibake import Mojibake

RULES = (Mojibake, HtmlEntity, InvisibleCharacter, HtmlTag)
