"""Shared test fixtures: a local HTTP server with settable routes, a fetcher for it,
and builders of test documents.

No test touches the network: URLs are served by :func:`http_server`, a real
threaded ``http.server`` on 127.0.0.1 (port chosen by the OS). ``fetcher``
is a ``Fetcher`` allowed to reach it. Builders (import them from conftest):
``article_html`` (a news page with nav and footer), ``text_pdf`` (a PDF with a
text layer), ``blank_pdf`` (a PDF without one).
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from summarizer.fetch import Fetcher
from summarizer.settings import FetchSettings


@dataclass(frozen=True)
class Reply:
    """What the server sends for one request.

    ``delay`` holds the answer back before the status line (a slow server);
    ``chunk_delay`` pauses between ``chunks`` pieces of the body (a slow drip);
    ``send_length=False`` leaves out Content-Length (the body ends at close).
    Both wait on the server's stop event, so teardown never waits them out.
    """

    status: int = 200
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)
    delay: float = 0.0
    chunks: int = 1
    chunk_delay: float = 0.0
    #: False: no Content-Length, the body ends when the connection closes.
    send_length: bool = True


@dataclass(frozen=True)
class Request:
    """One request the server received (tests assert on headers sent, bodies posted)."""

    method: str
    path: str
    headers: Mapping[str, str]
    body: bytes


Responder = Callable[[Request], Reply]


class LocalHTTPServer:
    """A threaded HTTP server on 127.0.0.1 whose routes tests set.

    Use it through the ``http_server`` fixture::

        def test_something(http_server, fetcher):
            http_server.route("/a", body=b"<html>...</html>")            # 200 text/html
            http_server.route("/gone", status=404)
            http_server.redirect("/old", "/a")                             # 302 to a path or URL
            http_server.route("/slow", body=b"x", delay=5)                 # answers after 5 s
            http_server.respond("/etag", lambda req: Reply(status=304))   # dynamic answer
            fetcher.fetch(http_server.url("/a"))
            assert http_server.requests[-1].headers["user-agent"].startswith("newsbrief")

    Every method (GET, POST, PUT, DELETE, HEAD) is served; unknown paths get 404.
    ``requests`` records what arrived, in order. ``transport()`` gives an httpx
    transport that sends requests for *any* host to this server, so a test can
    use made-up public-looking hosts (``http://articles.test/x``) together with
    a ``resolve`` stub for the fetcher's address guard.
    """

    def __init__(self) -> None:
        self._routes: dict[str, Responder] = {}
        self._lock = threading.Lock()
        self.requests: list[Request] = []
        self.stopping = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _make_handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str = "/") -> str:
        return self.base_url + path

    def route(
        self,
        path: str,
        *,
        status: int = 200,
        body: bytes | str = b"",
        content_type: str | None = "text/html; charset=utf-8",
        headers: Mapping[str, str] | None = None,
        delay: float = 0.0,
        chunks: int = 1,
        chunk_delay: float = 0.0,
        send_length: bool = True,
    ) -> None:
        """Serve a fixed answer at ``path`` (``content_type=None`` sends no Content-Type)."""
        all_headers = {"Content-Type": content_type} if content_type else {}
        all_headers.update(headers or {})
        raw = body.encode("utf-8") if isinstance(body, str) else body
        reply = Reply(status, raw, all_headers, delay, chunks, chunk_delay, send_length)
        self.respond(path, lambda _request: reply)

    def redirect(self, path: str, to: str, *, status: int = 302) -> None:
        """Redirect ``path`` to ``to`` (a path on this server or a full URL)."""
        self.route(path, status=status, content_type=None, headers={"Location": to})

    def respond(self, path: str, responder: Responder) -> None:
        """Answer ``path`` with whatever ``responder(request)`` returns."""
        with self._lock:
            self._routes[path] = responder

    def transport(self) -> httpx.BaseTransport:
        """An httpx transport that delivers requests for any host to this server."""
        return _RedirectingTransport(self.port)

    def _answer(self, request: Request) -> Reply:
        with self._lock:
            self.requests.append(request)
            responder = self._routes.get(request.path.split("?", 1)[0])
        return responder(request) if responder else Reply(status=404, body=b"not found")

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


class _RedirectingTransport(httpx.BaseTransport):
    """Sends every request to 127.0.0.1:port, keeping the original Host header."""

    def __init__(self, port: int) -> None:
        self._port = port
        self._inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.url = request.url.copy_with(scheme="http", host="127.0.0.1", port=self._port)
        return self._inner.handle_request(request)

    def close(self) -> None:
        self._inner.close()


def _make_handler(server: LocalHTTPServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            headers = {name.lower(): value for name, value in self.headers.items()}
            reply = server._answer(Request(self.command, self.path, headers, body))
            if reply.delay and server.stopping.wait(reply.delay):
                return
            self._send(reply)

        def _send(self, reply: Reply) -> None:
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if reply.send_length:
                self.send_header("Content-Length", str(len(reply.body)))
            else:
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            if self.command == "HEAD":
                return
            step = max(1, -(-len(reply.body) // max(1, reply.chunks)))
            for start in range(0, len(reply.body), step):
                if start and reply.chunk_delay and server.stopping.wait(reply.chunk_delay):
                    return
                self.wfile.write(reply.body[start : start + step])
                self.wfile.flush()

        do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _serve

        def log_message(self, format: str, *args: object) -> None:  # quiet test output
            return

    return Handler


@pytest.fixture
def http_server() -> Iterator[LocalHTTPServer]:
    """A running :class:`LocalHTTPServer` (its docstring shows the API); stopped after the test."""
    server = LocalHTTPServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def fetch_settings() -> FetchSettings:
    """Short limits for tests; ``allow_private`` because the test server is on 127.0.0.1."""
    return FetchSettings(
        connect_timeout=1.0, total_timeout=2.0, max_bytes=200_000, allow_private=True
    )


@pytest.fixture
def fetcher(fetch_settings: FetchSettings) -> Iterator[Fetcher]:
    """A :class:`Fetcher` that may reach the local test server."""
    with Fetcher(fetch_settings) as client:
        yield client


# -- document builders (shared by the extraction and source tests) ---------------


def text_pdf(lines: list[str], *, title: str | None = None) -> bytes:
    """A minimal hand-made PDF whose one page shows ``lines`` in Helvetica.

    pypdf cannot lay out text, so the file is written object by object, with a
    correct cross-reference table.
    """
    shown = " ".join(f"({_pdf_escape(line)}) Tj T*" for line in lines)
    stream = f"BT /F1 11 Tf 14 TL 72 720 Td {shown} ET".encode("latin-1")
    info = f"<< /Title ({_pdf_escape(title)}) >>" if title else "<< >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]"
        b" /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        info.encode("latin-1"),
    ]
    return _pdf_file(objects, root=1, info=6)


def _pdf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _pdf_file(objects: list[bytes], *, root: int, info: int) -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\n" % (len(objects) + 1, root, info)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def blank_pdf() -> bytes:
    """A one-page PDF with no text at all (like a scan without OCR)."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def article_html(
    paragraphs: list[str],
    *,
    title: str = "Council approves new bridge",
    author: str | None = "Jane Reporter",
    extra_body: str = "",
    charset: str | None = "utf-8",
) -> str:
    """A news page: navigation, the article (headline, byline, paragraphs), a footer."""
    meta = f'<meta charset="{charset}">' if charset else ""
    byline = f'<meta name="author" content="{author}">' if author else ""
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return (
        f"<!DOCTYPE html><html><head>{meta}{byline}<title>{title} | Town News</title></head>"
        "<body><nav><ul><li><a href='/'>Home</a></li><li><a href='/sport'>Sport</a></li>"
        "</ul></nav>"
        f"<article><h1>{title}</h1>{body}{extra_body}</article>"
        "<footer><p>Copyright 2024 Town News. All rights reserved.</p></footer></body></html>"
    )
