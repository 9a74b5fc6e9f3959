"""Words in scripts written without spaces: a Japanese paragraph is dozens of words, not one."""

from __future__ import annotations

import pytest

from cleaner.read.words import TOKEN, WORD, word_count


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("The bridge reopened on Tuesday.", 5),
        ("Le pont a rouvert mardi.", 5),
        ("橋は火曜日に再開した。", 10),  # Han and Kana: a word a character
        ("大桥周二重新开放", 8),
        ("Kindle 版は 2018 年に", 6),
        ("สะพานเปิดใหม่", 4),  # Thai: a word per four letters (13 letters)
    ],
)
def test_word_count(text: str, count: int) -> None:
    assert word_count(text) == count


def test_tokens_outside_unspaced_scripts_are_unchanged() -> None:
    text = "Über 3 Brücken, déjà_vu and co-op"
    assert TOKEN.findall(text) == ["Über", "3", "Brücken", "déjà_vu", "and", "co", "op"]
    assert WORD.findall(text) == ["Über", "Brücken", "déjà", "vu", "and", "co", "op"]


def test_unspaced_tokens() -> None:
    assert TOKEN.findall("橋は2018年") == ["橋", "は", "2018", "年"]
    assert WORD.findall("橋は2018年") == ["橋", "は", "年"]


def test_indic_words_keep_their_vowel_signs() -> None:
    assert WORD.findall("यह किताब में है") == ["यह", "किताब", "में", "है"]
