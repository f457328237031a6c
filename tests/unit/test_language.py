"""The language check: English says nothing, other languages are named, short text is unknown."""

from __future__ import annotations

import pytest

from byline.analysis.language import detect_language, language_name
from byline.resources import sample_article

TEXTS = [
    (
        "de",
        "Die Bundesregierung hat am Montag neue Regeln für den Wohnungsbau vorgestellt. "
        "„Wir müssen schneller bauen“, sagte die Ministerin in Berlin. Kritik kam von den "
        "Verbänden, die die Pläne für nicht ausreichend halten. Nach Angaben des Ministeriums "
        "sollen in diesem Jahr mehr als 300.000 Wohnungen entstehen, doch viele Experten "
        "zweifeln daran, dass dieses Ziel noch erreicht werden kann.",
    ),
    (
        "fr",
        "Le gouvernement a présenté lundi un nouveau plan pour les transports publics. « Nous "
        "voulons que chacun puisse se déplacer sans voiture », a déclaré la ministre lors "
        "d'une conférence de presse à Paris. Les syndicats estiment toutefois que les moyens "
        "prévus ne sont pas à la hauteur des besoins, et ils appellent à une grève dans les "
        "prochaines semaines si rien ne change.",
    ),
    (
        "es",
        "El Gobierno aprobó el martes una reforma de las pensiones que entrará en vigor el "
        "próximo año. «Es una medida necesaria para el futuro del sistema», dijo el ministro "
        "en Madrid. Los sindicatos han criticado que la reforma no tiene en cuenta a los "
        "trabajadores más jóvenes, y la oposición anunció que votará en contra en el Congreso.",
    ),
    (
        "it",
        "Il governo ha annunciato ieri un piano per ridurre il costo dell'energia per le "
        "famiglie. «Non possiamo lasciare nessuno indietro», ha detto il ministro durante una "
        "conferenza stampa a Roma. Secondo le associazioni dei consumatori, però, le misure "
        "non sono sufficienti e i prezzi resteranno alti per tutto l'inverno.",
    ),
    (
        "nl",
        "Het kabinet heeft dinsdag nieuwe maatregelen aangekondigd om de woningnood aan te "
        "pakken. Volgens de minister moeten er de komende jaren veel meer huizen worden "
        "gebouwd. Gemeenten zeggen dat ze daar niet genoeg geld voor hebben en dat de "
        "plannen van het kabinet te laat komen voor de mensen die nu een huis zoeken.",
    ),
    (
        "ru",
        "Правительство в понедельник представило новый план по развитию транспорта. По "
        "словам министра, в этом году будет построено больше дорог, чем когда-либо. Эксперты "
        "считают, что этого недостаточно, и что без новых инвестиций ситуация не изменится "
        "в ближайшие годы, а жители городов будут и дальше стоять в пробках.",
    ),
    (
        "zh",
        "政府周一宣布了一项新的住房计划，旨在降低年轻家庭的购房成本。部长表示，今年将建造更多的公共住房。",
    ),
    (
        "ja",
        "政府は月曜日、若い家族の住宅費を下げるための新しい計画を発表した。大臣は今年さらに多くの公営住宅を建設すると述べた。",
    ),
]


@pytest.mark.parametrize(("code", "text"), TEXTS, ids=[code for code, _ in TEXTS])
def test_other_languages_are_recognised(code: str, text: str) -> None:
    assert detect_language(text) == code


def test_english_articles_are_english() -> None:
    assert detect_language(sample_article().read_text(encoding="utf-8")) == "en"
    english = (
        "The council said on Monday that the bridge would reopen in May, after six months "
        "of repairs. Commuters were relieved, and the mayor thanked the crews who had worked "
        "through the winter to finish the job on time."
    )
    assert detect_language(english) == "en"


def test_an_english_article_quoting_german_is_english() -> None:
    text = (
        "The chancellor spoke briefly to reporters outside the building on Tuesday. "
        "„Wir schaffen das“, she said, before returning to the talks, which were expected "
        "to go on late into the night. Officials from both parties said they were hopeful "
        "that an agreement could be reached before the end of the week."
    )
    assert detect_language(text) == "en"


@pytest.mark.parametrize("text", ["", "Short headline only", "12 345 678 — 9", "x " * 30])
def test_too_little_text_is_unknown(text: str) -> None:
    assert detect_language(text) is None


def test_language_names() -> None:
    assert language_name("de") == "German"
    assert language_name("fr") == "French"
    assert language_name("ja") == "Japanese"
    assert language_name("xx") == "xx"
