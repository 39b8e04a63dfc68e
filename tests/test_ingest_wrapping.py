"""Plain text hard-wrapped at a width (`ingest.wrapping`): sentences are joined back onto one line,
paragraph breaks and text written a paragraph per line are kept. Texts are written for the tests."""
from __future__ import annotations

from pipeline.ingest.wrapping import hard_wrapped, unwrap_plain

# a UN-style statement: wrapped at about 50 characters, paragraphs run together with no blank line
STATEMENT = """I wish to congratulate Mr. Ana Reyes of Chile on her
election to the presidency of the General Assembly at
its seventieth session. Kenya will support her fully.
Kenya signed the Convention for the Protection of
Migrant Workers on 3 March and would like to ratify it
as soon as possible. The Secretary-General, Mr.
Joao Neves, has our thanks for his work in the Sahel
and in the Horn of Africa, where a long-term plan for
water and food security was agreed by the regional
states, with the support of the African Union and of
the fifty-
four member States of the Union."""


def test_a_wrapped_statement_has_each_sentence_run_on_one_line():
    out = unwrap_plain(STATEMENT).split("\n")
    assert out[0] == ("I wish to congratulate Mr. Ana Reyes of Chile on her election to the presidency of the "
                      "General Assembly at its seventieth session. Kenya will support her fully.")
    assert out[1].startswith("Kenya signed the Convention for the Protection of Migrant Workers on 3 March and")
    assert "The Secretary-General, Mr. Joao Neves, has our thanks" in out[1]  # a title's full stop runs on
    assert out[1].endswith("the fifty-four member States of the Union.")   # a word broken at the line end
    assert len(out) == 2


def test_text_written_a_paragraph_per_line_is_left_as_it_is():
    text = ("Kenya and Uganda signed a railway deal on Monday.\n\nThe line will open in 2027, officials said.\n\n"
            "NAIROBI BUREAU\nMarch 3, 2025\n\nThe deal follows two years of talks.")
    assert not hard_wrapped(text.split("\n"))
    assert unwrap_plain(text) == text


def test_blocks_parted_by_blank_lines_are_joined_whole_but_a_label_keeps_its_line():
    para = ("President Ruto met President Museveni of Uganda in Nairobi on\nMonday. The two leaders discussed "
            "the railway and the\nborder. They agreed to meet again in Kampala in\nthe spring of next year.")
    text = "\n\n".join([para] * 4 + ["**Sen. Grace\nOtieno**:\n“The railway will change the region. It is\nlong overdue.”"])
    out = unwrap_plain(text).split("\n\n")
    assert out[0] == " ".join(para.split())
    assert out[-1] == "**Sen. Grace Otieno**:\n“The railway will change the region. It is long overdue.”"


def test_markdown_saved_as_text_is_left_to_its_own_structure():
    items = "\n".join(f"-   Kenya will build a new school in district\n    number {k} with the help of Uganda" for k in range(8))
    assert not hard_wrapped(items.split("\n"))


def test_a_wrapped_text_source_is_published_unwrapped(tmp_path):
    import datetime as dt

    from pipeline.ingest import ingest_corpus

    (tmp_path / "statement.txt").write_text("Statement by Kenya\n\n" + STATEMENT + "\n", encoding="utf-8")
    doc = ingest_corpus(tmp_path, now=dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)).documents[0]
    assert "Kenya signed the Convention for the Protection of Migrant Workers on 3 March and would" in doc["text"]
