"""Nothing a person types can read a local file, reach the network or reorder the page."""

import http.server
import subprocess
import threading

import pytest

from reports.printing.rendering import html_to_pdf
from reports.printing.safety import balance_bidi, user_html, user_line
from reports.printing.services import render_now
from tests.reports.builders import secretariat_of, written_submission

RLO, PDF, RLE, FSI, PDI = "\u202e", "\u202c", "\u202b", "\u2068", "\u2069"
CANARY_CSS = 'body::before { content: "CANARY-HTTP-LOADED"; }'


class Canary(http.server.BaseHTTPRequestHandler):
    """Serves a stylesheet that would print a marker, an image, and a redirect to both."""

    def do_GET(self):
        self.server.paths.append(self.path)
        if self.path.startswith("/redirect"):
            self.send_response(302)
            self.send_header("Location", "/style.css")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/css")
        self.end_headers()
        self.wfile.write(CANARY_CSS.encode())

    def log_message(self, *args):
        pass


class CountingServer(http.server.ThreadingHTTPServer):
    def __init__(self, *args):
        super().__init__(*args)
        self.paths, self.connections = [], 0

    def verify_request(self, request, client_address):
        self.connections += 1
        return True


@pytest.fixture
def canary():
    server = CountingServer(("127.0.0.1", 0), Canary)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def local_file(tmp_path):
    """A local stylesheet and text file that would print a marker if read."""
    (tmp_path / "secret.css").write_text('body::after { content: "CANARY-FILE-READ"; }')
    (tmp_path / "secret.txt").write_text("CANARY-FILE-READ")
    return tmp_path


def hostile_markup(canary, local_file) -> str:
    base = f"http://127.0.0.1:{canary.server_port}"
    return "\n".join(
        [
            f'<p>Before<img src="file://{local_file}/secret.txt"><img src="file:///etc/passwd"></p>',
            f'<p style="background: url(file://{local_file}/secret.txt)">Styled</p>',
            f'<style>@import url("file://{local_file}/secret.css"); @import url("{base}/style.css");'
            f" body {{ background: url({base}/image.png); }}</style>",
            f'<link rel="stylesheet" href="{base}/redirect"><link rel="stylesheet" '
            f'href="file://{local_file}/secret.css">',
            f'<img src="{base}/image.png"><img src="{base}/redirect">',
            f'<object data="file://{local_file}/secret.txt"></object>',
            f'<iframe src="{base}/style.css"></iframe><embed src="file:///etc/passwd">',
            f'<svg><image href="{base}/image.png"/></svg>',
            "<p>After</p>",
        ]
    )


def text_of(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_fetcher_loads_nothing_but_static_files(canary, local_file, tmp_path):
    html = (
        '<html><head><link rel="stylesheet" href="/static/css/print.css"></head><body>'
        + hostile_markup(canary, local_file)
        + "</body></html>"
    )
    text = text_of(html_to_pdf(html).content, tmp_path)
    assert "Before" in text and "After" in text
    assert "CANARY" not in text
    assert "root:" not in text
    assert (canary.connections, canary.paths) == (0, [])


def test_the_same_markup_does_load_without_the_fetcher(canary, local_file, tmp_path):
    """The canaries sing when WeasyPrint is left to its own fetcher: the test above can fail."""
    from weasyprint import HTML

    html = "<html><body>" + hostile_markup(canary, local_file) + "</body></html>"
    text = text_of(HTML(string=html).write_pdf(), tmp_path)
    assert "CANARY-HTTP-LOADED" in text
    assert "CANARY-FILE-READ" in text
    assert "/redirect" in canary.paths


@pytest.mark.django_db
def test_hostile_user_fields_put_nothing_into_the_pdf(reference_data, canary, local_file, tmp_path):
    markup = hostile_markup(canary, local_file)
    submission = written_submission(text=markup)
    submission.stakeholder_involvement = markup
    submission.save()
    job = render_now("submission", submission.pk, "en", secretariat_of(submission))
    with job.file.open("rb") as pdf:
        text = text_of(pdf.read(), tmp_path)
    assert "After" in text
    assert "CANARY" not in text
    assert "root:" not in text
    assert (canary.connections, canary.paths) == (0, [])


def test_data_addresses_only_for_small_images(tmp_path):
    small = (
        "data:image/svg+xml;base64,"
        + __import__("base64")
        .b64encode(b'<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>')
        .decode()
    )
    stylesheet = "data:text/css," + "body::before%7Bcontent:%22DATA-CSS%22%7D"
    html = f'<link rel="stylesheet" href="{stylesheet}"><img src="{small}"><p>Text</p>'
    assert "DATA-CSS" not in text_of(html_to_pdf(html).content, tmp_path)


def test_unbalanced_controls_are_closed_where_the_text_ends():
    assert balance_bidi(f"abc{RLO}def") == f"abc{RLO}def{PDF}"
    assert balance_bidi(f"{RLE}a{FSI}b") == f"{RLE}a{FSI}b{PDI}{PDF}"


def test_closers_without_an_opener_are_dropped():
    # A stray PDF or PDI would close the template's own embedding or isolate.
    assert balance_bidi(f"a{PDF}b{PDI}c") == "abc"
    # A PDF inside an isolate cannot close an embedding opened outside it.
    assert balance_bidi(f"{RLE}a{FSI}b{PDF}") == f"{RLE}a{FSI}b{PDI}{PDF}"


def test_a_line_is_its_own_isolate():
    assert user_line(f"Name{RLO}") == f"{FSI}Name{RLO}{PDF}{PDI}"
    assert user_line("") == ""


def test_formatted_text_keeps_its_controls_inside_each_text_node():
    html = user_html(f'<p>one{RLO}</p><p><a href="https://example.org/{RLO}x">two</a>{PDF}</p>')
    assert html == (
        f'<p>one{RLO}{PDF}</p><p><a href="https://example.org/x" rel="noopener noreferrer '
        'nofollow">two</a></p>'
    )


def test_an_override_in_a_name_leaves_the_words_after_it_in_order(tmp_path):
    name = f"Ahmed{RLO} Ali"
    raw = f"<p>Participant: {name} registered for the meeting.</p>"
    isolated = f"<p>Participant: {user_line(name)} registered for the meeting.</p>"
    # Unchecked, the override reverses what follows it in the paragraph...
    assert "registered for the meeting" not in text_of(html_to_pdf(raw).content, tmp_path)
    # ...isolated and closed, it reaches no further than the name.
    assert "registered for the meeting." in text_of(html_to_pdf(isolated).content, tmp_path)
