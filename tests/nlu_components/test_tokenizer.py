"""The Vietnamese tokenizer on real Rasa messages: offsets, lemmas, hard inputs."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.normalizer import MAX_CHARS, normalize
from bot.nlu.tokenizer import VietnameseTokenizer
from tests.examples import examples


@pytest.fixture(scope="module")
def tokenizer() -> VietnameseTokenizer:
    return VietnameseTokenizer(VietnameseTokenizer.get_default_config())


def tokens(tokenizer: VietnameseTokenizer, text: str) -> list[Token]:
    return tokenizer.tokenize(Message(data={TEXT: text}), TEXT)


def lemmas(tokenizer: VietnameseTokenizer, text: str) -> list[str]:
    return [t.lemma for t in tokens(tokenizer, text)]


def test_accented_and_unaccented_questions_get_the_same_lemmas(tokenizer: VietnameseTokenizer) -> None:
    accented = lemmas(tokenizer, "Tốc độ tăng trưởng kinh tế Hải Phòng năm 2024 là bao nhiêu?")
    plain = lemmas(tokenizer, "toc do tang truong kinh te hai phong nam 2024 la bao nhieu")
    assert accented == plain
    assert "tang_truong" in plain and "hai_phong" in plain


def test_teencode_is_expanded_in_lemmas_but_offsets_stay_on_the_typed_text(tokenizer: VietnameseTokenizer) -> None:
    text = "grdp hp 2024 tang bn vay ad?"
    toks = tokens(tokenizer, text)
    assert [t.lemma for t in toks][:2] == ["grdp", "hai_phong"]
    assert "bao_nhieu" in [t.lemma for t in toks]
    for token in toks:
        assert text[token.start:token.end] == token.text


def test_an_abbreviation_read_by_the_next_word_is_one_token_of_both(tokenizer: VietnameseTokenizer) -> None:
    text = "nghe ns fdi 2024, ns so vs kh?"  # heard, then the budget against the plan
    toks = tokens(tokenizer, text)
    assert [(t.text, t.lemma) for t in toks] == [
        ("nghe ns", "nghe_noi"), ("fdi", "fdi"), ("2024", "2024"), ("ns", "ngan_sach"), ("so vs kh", "so_voi_ke_hoach")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("diện tích 1.276,29 ha", ["1.276,29"]),
        ("tăng 11,01% so với", ["11,01%"]),
        ("ngày 27/6/2025 họp", ["27/6/2025"]),
        ("Nghị quyết 226/2025/QH15", ["226/2025/QH15"]),
        ("xem https://haiphong.gov.vn/a?b=1 nhé", ["https://haiphong.gov.vn/a?b=1"]),
        ("45-NQ/TW", ["45-NQ/TW"]),
    ],
)
def test_numbers_dates_document_numbers_and_urls_stay_whole(tokenizer: VietnameseTokenizer, text: str,
                                                            expected: list[str]) -> None:
    texts = [t.text for t in tokens(tokenizer, text)]
    for piece in expected:
        assert piece in texts


def test_empty_and_emoji_only_messages(tokenizer: VietnameseTokenizer) -> None:
    assert tokens(tokenizer, "") == []
    [emoji] = tokens(tokenizer, "😀👍")
    assert (emoji.text, emoji.start, emoji.end) == ("😀👍", 0, 2)


def test_mixed_latin_and_vietnamese(tokenizer: VietnameseTokenizer) -> None:
    toks = tokens(tokenizer, "FDI của HP năm 2025 target bao nhiêu USD?")
    assert next(t.text for t in toks) == "FDI"
    assert "usd" in [t.lemma for t in toks]


def test_typos_and_telex_are_corrected_in_lemmas(tokenizer: VietnameseTokenizer) -> None:
    assert "sach" in "_".join(lemmas(tokenizer, "thu ngan scah"))
    assert lemmas(tokenizer, "caauf nguyeenx traix") == lemmas(tokenizer, "cầu Nguyễn Trãi")


def test_five_thousand_characters_are_handled_and_long_input_is_cut(tokenizer: VietnameseTokenizer) -> None:
    text = ("tăng trưởng kinh tế " * 300)[:5000]
    toks = tokens(tokenizer, text)
    assert toks and toks[-1].end <= 5000
    longer = tokens(tokenizer, "x " * (MAX_CHARS + 500))
    assert longer[-1].end <= MAX_CHARS


def test_tokenizer_is_registered_in_config() -> None:
    import yaml

    with open("config.yml", encoding="utf-8") as handle:
        names = [c["name"] for c in yaml.safe_load(handle)["pipeline"]]
    assert names[:2] == ["bot.nlu.tokenizer.VietnameseTokenizer", "bot.nlu.extractor.KnowledgeEntityExtractor"]


texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)


@settings(max_examples=examples(150), deadline=None)
@given(texts)
def test_normalizer_never_raises_and_offsets_are_consistent(text: str) -> None:
    words = normalize(text)
    last_end = 0
    for word in words:
        assert 0 <= word.start < word.end <= len(text)
        assert word.start >= last_end or word.start == words[words.index(word) - 1].start
        last_end = word.end
        assert word.lemma


@settings(max_examples=examples(100), deadline=None)
@given(texts)
def test_normalizer_is_idempotent(text: str) -> None:
    once = " ".join(w.standard for w in normalize(text))
    twice = " ".join(w.standard for w in normalize(once))
    assert [w.lemma for w in normalize(once)] == [w.lemma for w in normalize(twice)]
