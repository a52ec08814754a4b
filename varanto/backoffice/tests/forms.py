"""Reading a page's form the way a browser would submit it, for tests that post real forms."""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, form_index: int):
        super().__init__(convert_charrefs=True)
        self.form_index = form_index
        self.seen_forms = -1
        self.inside = False
        self.fields: list[tuple[str, str]] = []
        self._textarea: str | None = None
        self._select: str | None = None
        self._select_chosen = False
        self._text = ""
        self._in_template = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.seen_forms += 1
            self.inside = self.seen_forms == self.form_index
            return
        if tag == "template":
            self._in_template = True
        if not self.inside or self._in_template:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind in ("submit", "button"):
                return
            self.fields.append((name, a.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, ""
        elif tag == "select" and name:
            self._select, self._select_chosen = name, False
        elif tag == "option" and self._select and "selected" in a:
            self.fields.append((self._select, a.get("value", "")))
            self._select_chosen = True

    def handle_endtag(self, tag):
        if tag == "template":
            self._in_template = False
        elif tag == "form" and self.inside:
            self.inside = False
        elif tag == "textarea" and self._textarea:
            self.fields.append((self._textarea, self._text.removeprefix("\n")))
            self._textarea = None
        elif tag == "select" and self._select:
            if not self._select_chosen:
                self.fields.append((self._select, ""))
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self._text += data


def form_fields(html: str, form_index: int = 0) -> dict[str, list[str]]:
    """The named fields of the page's n-th form (0: the first, often the language switcher) as
    name -> values, with what is selected, checked and typed in."""
    reader = _FormReader(form_index)
    reader.feed(html)
    out: dict[str, list[str]] = {}
    for name, value in reader.fields:
        out.setdefault(name, []).append(value)
    return out


def record_form(response) -> dict[str, list[str]]:
    """The fields of the record edit form on a back-office page (the form with class record-form)."""
    html = response.content.decode()
    index = html[: html.index('class="record-form"')].count("<form") - 1
    return form_fields(html, index)
