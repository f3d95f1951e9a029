"""The template language: values, optional passages, literal braces, and errors that say where."""

from __future__ import annotations

import pytest

from app.drafts.template import Template, TemplateError, tidy

LABELS = {"first_name": "their first name", "news": "recent company news", "role": "role"}


def render(text: str, **values: str) -> tuple[str, tuple[str, ...]]:
    rendered = Template.parse(text, "t.txt", LABELS).render(values, LABELS)
    return rendered.text, rendered.placeholders


def error(text: str) -> TemplateError:
    with pytest.raises(TemplateError) as caught:
        Template.parse(text, "mine/thank_you.email.txt", LABELS)
    return caught.value


def test_values_and_placeholders() -> None:
    assert render("Hi {first_name}, about {role}.", first_name="Jane", role="PM") == (
        "Hi Jane, about PM.",
        (),
    )
    text, left = render("Hi {first_name}, about {role}; {role} again.", first_name="Jane")
    assert text == "Hi Jane, about [role]; [role] again."
    assert left == ("[role]",)
    # Whitespace alone is no value.
    assert render("{first_name}", first_name="  ")[1] == ("[their first name]",)


def test_optional_passages() -> None:
    template = "A{if news} – {news}{else} – none{end}."
    assert render(template, news="big")[0] == "A – big."
    assert render(template)[0] == "A – none."
    # A hidden passage reports nothing missing.
    assert render("x{if news} {news}{end}")[1] == ()


def test_a_tag_alone_on_its_line_leaves_no_blank_line() -> None:
    template = "Hello\n\n{if news}\nNews: {news}\n\n{end}\nBye\n"
    assert render(template, news="n")[0] == "Hello\n\nNews: n\n\nBye"
    assert render(template)[0] == "Hello\n\nBye"


def test_nested_passages() -> None:
    template = "{if role}R{if news} and N{end}{else}none{end}"
    assert render(template, role="x", news="y")[0] == "R and N"
    assert render(template, role="x")[0] == "R"
    assert render(template)[0] == "none"


def test_literal_braces() -> None:
    assert render("{{first_name}} is {first_name}", first_name="Jo")[0] == "{first_name} is Jo"


def test_a_value_ending_a_sentence_swallows_the_next_full_stop() -> None:
    assert render("News: {news}.", news="We grew.")[0] == "News: We grew."
    assert render("News: {news}.", news="We grew!")[0] == "News: We grew!"
    assert render("News: {news}.", news="We grew")[0] == "News: We grew."


def test_a_value_is_never_read_as_a_template() -> None:
    assert render("{news}", news="{first_name} {{ }")[0] == "{first_name} {{ }"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("Hi {nope}", 1, "unknown placeholder {nope}"),
        ("Hi\n\n{first_nam}", 3, "did you mean {first_name}?"),
        ("Hi {profile.__class__}", 1, "not a placeholder"),
        ("Hi {first_name.__class__.__mro__}", 1, "not a placeholder"),
        ("Hi {0}", 1, "not a placeholder"),
        ("Hi {}", 1, "not a placeholder"),
        ("Hi {first_name!r}", 1, "not a placeholder"),
        ("one\nHi {first_name", 2, "unbalanced brace"),
        ("Hi {first_name\n}", 1, "unbalanced brace"),
        ("Hi first_name}", 1, "unbalanced brace"),
        ("a\nb\n{if news}\nx", 3, "never closed"),
        ("{end}", 1, "{end} without"),
        ("x {else}", 1, "{else} without"),
        ("{if news}a{else}b{else}c{end}", 1, "a second {else}"),
        ("{if}x{end}", 1, "write {if name}"),
        ("{if news role}x{end}", 1, "write {if name}"),
        ("{if nope}x{end}", 1, "unknown placeholder {nope}"),
    ],
)
def test_errors_name_the_file_and_line(text: str, line: int, words: str) -> None:
    problem = error(text)
    assert problem.line == line
    assert words in problem.message
    assert str(problem).startswith(f"mine/thank_you.email.txt, line {line}: ")


def test_first_line_offsets_line_numbers() -> None:
    with pytest.raises(TemplateError) as caught:
        Template.parse("ok\n{bad}", "f", LABELS, first_line=3)
    assert caught.value.line == 4


def test_names_lists_every_placeholder() -> None:
    template = Template.parse("{first_name}{if news}{role}{end}", "t", LABELS)
    assert template.names() == {"first_name", "news", "role"}


def test_tidy() -> None:
    assert tidy("\n\na  \n\n\n\nb\n\n") == "a\n\nb"
