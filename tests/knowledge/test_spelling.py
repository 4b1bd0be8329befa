"""The question normalizer: teencode, abbreviations and typos → the folded words names match.

Runs on the speller the bot uses (`KnowledgeBase.normalize_question`, built from the
test database) and on the one built from the fact files (`knowledge.spelling`).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge import KnowledgeBase, undouble, with_names
from knowledge.spelling import Speller, default_speller, distance, is_syllable, normalize_question, untelex
from knowledge.teencode import PHRASES, SPOKEN, TEENCODE, as_spoken, expand, expand_phrase
from knowledge.text import fold
from tests.examples import examples


@pytest.fixture(scope="module")
def speller(kb_sqlite: KnowledgeBase) -> Speller:
    kb_sqlite.normalize_question("")
    built: Speller = kb_sqlite._cache["speller"]
    return built


# -- typos and abbreviations in the words that carry the meaning ---------------------
TYPOS = [
    ("Tăng trưởg kinh tế năm 2024?", "tang truong kinh te nam 2024"),
    # a letter left out that leaves another real syllable, beside a partner it is seen with often
    ("bình quân đầu ngời", "binh quan dau nguoi"),
    ("bao nhêu dự án", "bao nhieu du an"),
    # a two-letter word in no pair with either neighbour, a letter put back binding it to both
    ("xã đạt chuẩn nông thôn mớ nâng cao", "xa dat chuan nong thon moi nang cao"),
    ("dự án điện gó ngoài khơi", "du an dien gio ngoai khoi"),
    ("đạt chẩn quốc gia", "dat chuan quoc gia"),
    ("tăng tưởng năm 2025", "tang truong nam 2025"),
    ("nước ngoi", "nuoc ngoai"),
    ("kh thu ns năm 2025 là bn", "ke hoach thu ngan sach nam 2025 la bao nhieu"),  # "kh" before "thu": the plan
    ("thu ngâ sách 2025", "thu ngan sach 2025"),
    ("ngâ sách", "ngan sach"),
    ("kế hoạc năm 2025", "ke hoach nam 2025"),
    ("kim ngạch xuát khẩu", "kim ngach xuat khau"),
    ("dư án cầu Nguyễn Trãi", "du an cau nguyen trai"),
    ("số doanh ngiệp thành lập mới", "so doanh nghiep thanh lap moi"),
    ("khu cong nghiep", "khu cong nghiep"),
    ("thu ngan scah", "thu ngan sach"),  # two letters swapped
    ("grdp 2024 tăg bao nhiêu", "grdp 2024 tang bao nhieu"),  # a letter left out
    ("tangw truowngr grdp", "tang truong grdp"),  # Telex keys left in
    ("caauf nguyeenx traix", "cau nguyen trai"),
    ("khach du lcih", "khach du lich"),
    ("ty le ho ngeho", "ty le ho ngheo"),
    ("thnh pho", "thanh pho"),  # a left-out vowel
    ("chinh quyen 2 cap bat dau tu khj nao", "chinh quyen 2 cap bat dau tu khi nao"),  # "j" for "i"
]
ABBREVIATIONS = [
    ("thu ns 2024", "thu ngan sach 2024"),
    # before a road's number: a provincial road, a national highway, a ring road; before an area, "dt" is no road
    ("đường từ đt 354 ra ql 10", "duong tu duong tinh 354 ra quoc lo 10"), ("vđ 2 tân vũ", "vanh dai 2 tan vu"),
    ("kcn dt 500 ha", "khu cong nghiep dt 500 ha"),
    ("kh triển khai ddci là kh số mấy", "ke hoach trien khai ddci la ke hoach so may"),
    ("kh cả năm bn", "ke hoach ca nam bao nhieu"),  # after a quarter's figure: the year's plan
    ("đề án khu tmtd", "de an khu thuong mai tu do"), ("gt công cộng", "giao thong cong cong"),
    ("đảo blv", "dao bach long vi"), ("đk kết hôn online", "dang ky ket hon online"),
    ("thu hút FDl năm 2024", "thu hut fdi nam 2024"), ("ai ban hàn, ban hành ngày nào", "ai ban hanh ban hanh ngay nao"),
    ("xk, nk 2024", "xuat khau nhap khau 2024"),
    ("có mấy kcn, ccn", "co may khu cong nghiep cum cong nghiep"),
    ("vốn đtnn", "von dau tu nuoc ngoai"),
    ("von dtnn", "von dau tu nuoc ngoai"),
    ("ty trong ktso trong grdp", "ty trong kinh te so trong grdp"),
    ("dự án Ecovan sản xuất gì", "du an ecovance san xuat gi"),  # a name with its end left off
    ("chi đtpt vs chi thường xuyên", "chi dau tu phat trien voi chi thuong xuyen"),
    ("tỷ lệ bhyt", "ty le bao hiem y te"),
    ("dn nhỏ và vừa", "doanh nghiep nho va vua"),
    ("tăng ntn", "tang nhu the nao"),
    ("bh khởi công", "bao gio khoi cong"),
    ("đóng bh xh", "dong bao hiem xa hoi"),
    ("đóng bhxh", "dong bao hiem xa hoi"),
    ("bh xã hội", "bao hiem xa hoi"),
    ("bh y tế", "bao hiem y te"),
    ("bh tn", "bao hiem that nghiep"),
    ("chủ đề năm là j", "chu de nam la gi"),
    ("ng dân được gì", "nguoi dan duoc gi"),
    ("trc sáp nhập", "truoc sap nhap"),
    ("so voi kh", "so voi ke hoach"),
    ("gdp grdp fdi", "gdp grdp fdi"),  # names themselves
    ("NQ TW 8", "nghi quyet trung uong 8"),
    ("KH 85 năm 2024", "ke hoach 85 nam 2024"),  # before a number "kh" is a plan
    ("nhiệm vụ KH&CN", "nhiem vu khoa hoc cong nghe"),
    ("kh biết", "khong biet"),
    ("nq của qh", "nghi quyet cua quoc hoi"),
    ("cn-xd, dịch vụ", "cong nghiep xay dung dich vu"),
    ("grdp 2k24 tăng bn pt", "grdp 2024 tang bao nhieu phan tram"),
    ("kq thu ns hk đạt à", "ket qua thu ngan sach khong dat a"),
    ("ch số sx cn quý 1", "chi so san xuat cong nghiep quy 1"),
    ("tổng vốn đt toàn xh", "tong von dau tu toan xa hoi"),  # "đt" beside investment words
    ("thu hút đt nước ngoài", "thu hut dau tu nuoc ngoai"),
    ("hn đối thoại vs dn fdi", "hoi nghi doi thoai voi doanh nghiep fdi"),  # "hn" before a meeting's words
    ("tong dt bn ha", "tong dien tich bao nhieu ha"),  # "dt" before hectares is diện tích
    ("chỉ ra những hạn chế j z bn", "chi ra nhung han che gi vay ban"),
    ("tỷ lệ thất nhiệp năm 2024", "ty le that nghiep nam 2024"),  # a letter left out of a name's word
    ("khách qte quý 1", "khach quoc te quy 1"), ("thu tiền sd đất", "thu tien su dung dat"),
    ("tỷ lệ lđ qua đào tạo", "ty le lao dong qua dao tao"), ("hàng bán ra nc ngoài", "hang ban ra nuoc ngoai"),
    ("cpi 2024", "chi so gia tieu dung 2024"),  # not a slip for PCI
    ("ns năm 2025 kh bn", "ngan sach nam 2025 ke hoach bao nhieu"),  # after a year, "kh" is no document code
    ("giải ngân bn %", "giai ngan bao nhieu phan tram"),
    ("sao 2024 ko đạt kh v", "sao 2024 khong dat ke hoach vay"),  # "không đạt không" is no Vietnamese
    ("2024 có đạt kh", "2024 co dat khong"),  # a yes-or-no question
    ("thu từ bđs nhìu ko", "thu tu bat dong san nhieu khong"),
    ("sl kcn mới là bn z", "so luong khu cong nghiep moi la bao nhieu vay"),
    ("ok bye bn", "ok bye ban"), ("cảm ơn bn nhé", "cam on ban nhe"),  # after a farewell, "bn" is "bạn"
    ("grpd 2024 tăng bn", "grdp 2024 tang bao nhieu"), ("gdrp 2024", "grdp 2024"),  # an abbreviation's letters swapped
    ("tòa đó dùng tiền ngân sách", "toa do dung tien ngan sach"),  # "tòa" typed on purpose: no "tốc độ"
    ("TBT Tô Lâm lm vc vs thành ủy", "tong bi thu to lam lam viec voi thanh uy"),
    ("nhg vc cấp thiết", "nhung viec cap thiet"), ("q1 dv tăng bn", "q1 dich vu tang bao nhieu"),
    ("nghe ns grdp tăng 12,5%", "nghe noi grdp tang 12 5 phan tram"),
    ("nay thuộc đv nào", "nay thuoc don vi nao"), ("dh dang bo diem", "dai hoi dang bo diem"), ("ct ubnd tp trình bày bc", "chu tich uy ban nhan dan thanh pho trinh bay bao cao"), ("so vs kh thì sao", "so voi ke hoach thi sao"),
    # "ns" ending a question asks "nói sao", opening one "nói"; in between it is the budget
    ("xã Ninh Sơn thì ns", "xa ninh son thi sao"), ("ns thế năm 2025", "noi the nam 2025"),
    ("còn hd thì ns 2025 bn", "con hai duong thi ngan sach 2025 bao nhieu"),
    ("ổng ns hp phải phấn đấu ngang tầm vs đâu", "ong noi hai phong phai phan dau ngang tam voi dau"),  # after a person
    ("ông ấy ns gì về ns", "ong ay noi gi ve ngan sach"),
    ("tổng kp bn", "tong kinh phi bao nhieu"), ("kp ho tro bao nhieu", "kinh phi ho tro bao nhieu"),  # beside money
    ("kp đâu", "khong phai dau"),  # alone, "không phải"
    ("quan trắc nc mặt", "quan trac nuoc mat"), ("thu hút trường đh", "thu hut truong dai hoc"),
    ("tp giao ai xd ct/kh", "thanh pho giao ai xay dung chuong trinh ke hoach"),
    ("bí thư chỉ đạo j cho cb công tác xa", "bi thu chi dao gi cho can bo cong tac xa"),
    ("chế độ của cb cc vc", "che do cua can bo cong chuc vien chuc"),
]


@pytest.mark.parametrize(("question", "expected"), TYPOS + ABBREVIATIONS)
def test_typos_and_abbreviations_become_the_words_names_use(kb_sqlite: KnowledgeBase, question: str,
                                                             expected: str) -> None:
    assert kb_sqlite.normalize_question(question) == expected


@pytest.mark.parametrize(("question", "expected"), TYPOS + ABBREVIATIONS)
def test_the_speller_from_the_fact_files_agrees(question: str, expected: str) -> None:
    assert normalize_question(question) == expected


# -- what must stay as typed -----------------------------------------------------------
@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("hoặc", "hoac"),
        ("chương trình hoặc kế hoạch", "chuong trinh hoac ke hoach"),
        ("Nga", "nga"),
        ("nước Nga", "nuoc nga"),
        ("Tú Sơn", "tu son"),
        ("xã Tú Sơn", "xa tu son"),
        ("Lạch Tray", "lach tray"),
        ("Cát Bi", "cat bi"),
        ("sông Hồng", "song hong"),  # "hong" is teencode for "không", not here
        ("quận Hồng Bàng", "quan hong bang"),
        ("cho mình hỏi tốc độ tăng trưởng kinh tế năm 2024", "cho minh hoi toc do tang truong kinh te nam 2024"),
        ("thời tiết hôm nay có mưa không", "thoi tiet hom nay co mua khong"),
        ("bao giờ thì xong", "bao gio thi xong"),  # not "thi cong"
        ("đặc thù trong chủ đề năm", "dac thu trong chu de nam"),  # not "thu tuong"
        ("kinh tế số chiếm bao nhiêu phần trăm", "kinh te so chiem bao nhieu phan tram"),
        ("tư tưởng chính trị", "tu tuong chinh tri"),  # real words in a pair of their own stay
        ("tăng cường", "tang cuong"),
        ("chẩn đoán bệnh", "chan doan benh"),
        ("nq45 do ai ban hành", "nq45 do ai ban hanh"),  # a two-letter word that asks is never moved ("độ dài")
        ("tổng mức đầu tư cả dự án đó", "tong muc dau tu ca du an do"),  # nor one that joins ("các")
    ],
)
def test_correct_words_and_names_are_left_alone(kb_sqlite: KnowledgeBase, question: str, expected: str) -> None:
    assert kb_sqlite.normalize_question(question) == expected


def test_a_word_saying_which_ones_is_never_moved(kb_sqlite: KnowledgeBase) -> None:
    assert kb_sqlite.normalize_question("kèm tổng vốn từng dự án") == "kem tong von tung du an"  # not "vốn trung"


def test_everyday_teencode_expands_when_it_is_no_name(kb_sqlite: KnowledgeBase) -> None:
    assert kb_sqlite.normalize_question("có hong") == "co khong"
    assert kb_sqlite.normalize_question("ko biết") == "khong biet"
    assert kb_sqlite.normalize_question("hum nay pbt thuong truc la ai nx") == "hom nay pho bi thu thuong truc la ai nua"
    assert kb_sqlite.normalize_question("khôg đạt, lớn nhứt") == "khong dat lon nhat"
    assert kb_sqlite.normalize_question("khu tm tự do bao h xong") == "khu thuong mai tu do bao gio xong"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("phường lạch trai", "phuong lach tray"),
        ("lach trai ngo quyen", "lach tray ngo quyen"),
        ("phuong cau tee", "phuong cau tre"),
        ("phuong may chia", "phuong may chai"),
        ("phuong hnag kenh", "phuong hang kenh"),
        ("xã cẩm hoàg", "xa cam hoang"),
        ("thi tran cat baa", "thi tran cat ba"),
        ("huyen kien thyu", "huyen kien thuy"),
    ],
)
def test_old_units_with_one_wrong_letter_are_corrected(kb_sqlite: KnowledgeBase, question: str, expected: str) -> None:
    assert kb_sqlite.normalize_question(question) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("diện tích 1.276,29 ha", "dien tich 1 276 29 ha"),
        ("tăng 11,01% so với 2023", "tang 11 01 phan tram so voi 2023"),
        ("ngày 27/6/2025", "ngay 27 6 2025"),
        ("45-NQ/TW", "45 nq tw"),  # "nq" in a number is not "nghị quyết"
        ("Nghị quyết 226/2025/QH15", "nghi quyet 226 2025 qh15"),
        ("nq 7/NQ-CP", "nghi quyet 7 nq cp"),
        ("619-BC/TU", "619 bc tu"),
        ("1234/QĐ-UBND", "1234 qd ubnd"),
        ("85/KH-UBND", "85 kh ubnd"),
        ("NQ45", "nq45"),
        ("quý 1/2025", "quy 1 2025"),
    ],
)
def test_numbers_and_document_numbers_are_untouched(kb_sqlite: KnowledgeBase, question: str, expected: str) -> None:
    assert kb_sqlite.normalize_question(question) == expected


# -- what the answering code finds after normalizing -----------------------------------
@pytest.mark.parametrize(
    ("question", "code"),
    [
        ("tăng trưởg kinh tế 2024", "grdp_growth"),
        ("thu ngâ sách 2024", "budget_revenue"),
        ("thu ns 2024 bn", "budget_revenue"),
        ("xk 2024 dc bn", "export_turnover"),
        ("vốn đtnn", "fdi_attraction"),
        ("ty le bh yt", "health_insurance_coverage"),
    ],
)
def test_indicators_are_found_after_normalizing(kb_sqlite: KnowledgeBase, question: str, code: str) -> None:
    assert kb_sqlite.find_indicators(question) == []  # as typed, nothing matches
    assert kb_sqlite.find_indicators(kb_sqlite.normalize_question(question))[0].code == code


@pytest.mark.parametrize(
    ("question", "project_prefix"),
    [
        ("dụ án cầu nguyễn trải", "cau_nguyen_trai"),
        ("ben cang lahc huyen", "cang_lach_huyen"),
        ("cang nam do sonn", "cang_nam_do_son"),
        ("nha ga hagn hoa cat bi", "cat_bi_nha_ga_hang_hoa"),
        ("san bay tien lagn", "san_bay_tien_lang"),
    ],
)
def test_projects_are_found_after_normalizing(kb_sqlite: KnowledgeBase, question: str, project_prefix: str) -> None:
    found = kb_sqlite.find_projects(kb_sqlite.normalize_question(question))
    assert found and found[0].project.id.startswith(project_prefix)


def test_old_unit_is_found_after_normalizing(kb_sqlite: KnowledgeBase) -> None:
    result = kb_sqlite.convert_address(kb_sqlite.normalize_question("phường lạch trai"))
    assert [m.old_ward for m in result.matches] == ["Phường Lạch Tray"]
    # as typed, the ward one letter away is found too (`test_address_lookup`)
    assert [m.old_ward for m in kb_sqlite.convert_address("phường lạch trai").matches] == ["Phường Lạch Tray"]


# -- properties ----------------------------------------------------------------------
texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)


@settings(max_examples=examples(300), deadline=None)
@given(texts)
def test_normalizing_twice_is_normalizing_once(speller: Speller, text: str) -> None:
    once = speller.normalize(text)
    assert speller.normalize(once) == once
    assert once == fold(once)


@st.composite
def typed_questions(draw: st.DrawFn) -> str:
    """Vocabulary words, teencode and numbers, some with one letter changed."""
    words = sorted(default_speller().words)[:4000] + sorted(TEENCODE) + ["2024", "45", "bh", "xh", "nq", "tw"]
    chosen = draw(st.lists(st.sampled_from(words), min_size=1, max_size=8))
    typed = []
    for word in chosen:
        if len(word) > 2 and draw(st.booleans()):
            i = draw(st.integers(0, len(word) - 1))
            word = word[:i] + draw(st.sampled_from("abcdeghiklmnopqrstuvxyjw")) + word[i + 1:]
        typed.append(word)
    return " ".join(typed)


@settings(max_examples=examples(300), deadline=None)
@given(typed_questions())
def test_typed_questions_are_stable_and_only_vocabulary_replaces_a_word(speller: Speller, text: str) -> None:
    once = speller.normalize(text)
    assert speller.normalize(once) == once
    typed = set(speller.expand(fold(text).split())[0])
    assert all(word in typed or word in speller.words for word in once.split())


def test_long_input_is_cut_and_fast(speller: Speller) -> None:
    text = "tăng trưởg kinh tế " * 2000
    assert len(speller.normalize(text)) < len(fold(text))


# -- parts -----------------------------------------------------------------------------
def test_edit_distance_counts_a_swap_as_one() -> None:
    assert distance("scah", "sach") == 1
    assert distance("truog", "truong") == 1
    assert distance("ngiep", "nghiep") == 1
    assert distance("abc", "xyz", limit=2) == 3


@pytest.mark.parametrize("word", ["truong", "nghiep", "quyen", "gi", "gia", "khuyu", "hoach", "nga", "xoong"])
def test_syllables(word: str) -> None:
    assert is_syllable(word)


@pytest.mark.parametrize("word", ["truog", "ngiep", "scah", "tangw", "qyu", "ce", "gdp"])
def test_not_syllables(word: str) -> None:
    assert not is_syllable(word)


def test_untelex() -> None:
    assert [untelex(w) for w in ("truowngr", "caauf", "nguyeenx", "laf", "tangw")] == [
        "truong", "cau", "nguyen", "la", "tang",
    ]


def test_teencode_lives_in_the_knowledge_layer_and_the_nlu_shares_it() -> None:
    from bot.nlu import teencode as nlu_teencode

    assert nlu_teencode.TEENCODE is TEENCODE
    assert nlu_teencode.expand is expand
    assert expand("KO") == "không" and expand("bn") == "bao nhiêu" and expand("dn") == "doanh nghiệp"
    assert expand("tăng") is None
    assert expand_phrase(["bh", "xh", "2024"], 0) == ("bảo hiểm xã hội", 2)
    assert expand_phrase(["bh", "khoi", "cong"], 0) is None
    assert PHRASES[("sao", "z")] == "sao vậy"


def test_spoken_pronouns_are_read_as_typed() -> None:
    assert (as_spoken("ổng còn giữ chức j bên thành ủy"), as_spoken("Bả nói gì"), as_spoken("ông Tổng Bí thư, bà con")) == (
        "ông ấy còn giữ chức j bên thành ủy", "bà ấy nói gì", "ông Tổng Bí thư, bà con")
    assert (expand("ổng"), expand("ông")) == ("ông ấy", None)


def test_no_expansion_produces_another_abbreviation() -> None:
    # spoken pronouns are read as typed, marks and all: folded, "ổng" would be every "ông"
    folded_keys = {fold(key): fold(value) for key, value in TEENCODE.items() if key not in SPOKEN}
    for value in TEENCODE.values():
        for word in fold(value).split():
            assert folded_keys.get(word, word) == word, value


def test_the_knowledge_layer_does_not_import_rasa() -> None:
    code = (
        "import sys, knowledge.spelling, knowledge.teencode; "
        "sys.exit(any(m.split('.')[0] in ('rasa', 'rasa_sdk') for m in sys.modules))"
    )
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    assert subprocess.run([sys.executable, "-c", code], cwd=root, env=env, check=False).returncode == 0


@pytest.mark.parametrize(("typed", "expected"), [
    ("lập cụm cn phụ trợ để làm j vậy", "lập cụm công nghiệp phụ trợ để làm gì vậy"),
    ("tp có tính làm j vs ngập úng ko", "thành phố có tính làm gì với ngập úng không"),
    ("vốn đt nn năm 2024", "vốn đầu tư nn năm 2024"),
    ("Nghị quyết số 35 nói gì?", "Nghị quyết số 35 nói gì?"),  # nothing to expand: as typed
])
def test_teencode_is_written_out_keeping_the_tone_marks_typed(typed: str, expected: str) -> None:
    from knowledge import expand_keeping_marks

    assert expand_keeping_marks(typed) == expected


def test_typos_are_corrected_keeping_the_other_words_tone_marks(kb_sqlite: KnowledgeBase) -> None:
    assert kb_sqlite.correct_keeping_marks("hồ sơ di sảm nào phải chuẩn bị") == "hồ sơ di san nào phải chuẩn bị"


def test_a_function_word_is_never_a_slip_for_a_name(kb_sqlite: KnowledgeBase) -> None:
    assert (kb_sqlite.normalize_question("giai doan 2019-2023 thi binh quan tang bao nhieu")
            == "giai doan 2019 2023 thi binh quan tang bao nhieu")  # not "Thái Bình"


@pytest.mark.parametrize(("typed", "read"), [
    ("phường Cát Bii cũ", "phường Cát Bi cũ"), ("xã Kiến Hưngg", "xã Kiến Hưng"), ("xã Đoàn Xáa", "xã Đoàn Xá"),
    ("đạt baoo nhiêu", "đạt bao nhiêu"),
    # capitals are abbreviations and numerals; a real syllable and a number stay as typed
    ("đô thị loại III", "đô thị loại III"), ("dự án PPP", "dự án PPP"), ("xoong", "xoong"), ("2000 tỷ", "2000 tỷ"),
    ("see you", "see you"),
])
def test_a_last_letter_typed_twice_is_written_once(typed: str, read: str) -> None:
    assert undouble(typed) == read


@pytest.mark.parametrize(("typed", "expected"), [
    ("ong le tiem chau la chu tich", "ong le tien chau la chu tich"),  # one letter of one word
    ("ong le ngoc chau la chu tich", "ong le ngoc chau la chu tich"),  # another person sharing two words
    ("ong le tiem cham la chu tich", "ong le tiem cham la chu tich"),  # two letters: no name
])
def test_a_name_typed_with_one_letter_wrong_is_the_name(typed: str, expected: str) -> None:
    assert with_names(typed, ["le tien chau", "le ngoc chau"]) == expected
