"""A small news site on 127.0.0.1: a feed with ETag, two articles, robots.txt, redirects."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

ARTICLE = ("<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{body}</p><p>{body}</p>"
           "</article></body></html>")
BODY_1 = ("ROMA, 3 marzo 2024 - Il ministro degli Esteri ha incontrato a Roma il collega francese per parlare "
          "della crisi in Medio Oriente e della cooperazione economica tra i due paesi.")
BODY_2 = ("LONDON, March 4, 2024 (Reuters) - The foreign minister met his German counterpart in London on "
          "Monday to discuss the war in Ukraine and new sanctions against Russia.")


class Site:
    def __init__(self):
        self.requests: list[tuple[str, dict]] = []
        self.pages = {
            "/a1": ("text/html", ARTICLE.format(title="Il ministro incontra il collega", body=BODY_1).encode()),
            "/a2": ("text/html", ARTICLE.format(title="Minister meets counterpart", body=BODY_2).encode()),
            "/a2-copy": ("text/html", ARTICLE.format(title="Minister meets counterpart", body=BODY_2).encode()),
            "/private/x": ("text/html", b"<html>secret</html>"),
            "/big": ("text/html", b"<html>" + b"x" * 50_000 + b"</html>"),
            "/robots.txt": ("text/plain", b"User-agent: *\nDisallow: /private/\n"),
        }
        self.redirects = {"/moved": "/a1", "/loop": "/loop", "/to-private": "http://10.0.0.7/x"}
        self.base = ""

    def feed(self) -> bytes:
        items = "".join(f"<item><title>{t}</title><link>{self.base}{p}</link>"
                        "<pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate></item>"
                        for t, p in (("uno", "/a1"), ("two", "/a2"), ("copy", "/a2-copy")))
        return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><link>{self.base}/</link>'
                f"{items}</channel></rss>").encode()


@pytest.fixture()
def site():
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            state.requests.append((self.path, dict(self.headers)))
            if self.path in state.redirects:
                self.send_response(302)
                self.send_header("Location", state.redirects[self.path])
                self.end_headers()
                return
            if self.path == "/feed.xml":
                if self.headers.get("If-None-Match") == '"v1"':
                    self.send_response(304)
                    self.end_headers()
                    return
                kind, body = "application/rss+xml", state.feed()
                self.send_response(200)
                self.send_header("ETag", '"v1"')
            elif self.path in state.pages:
                kind, body = state.pages[self.path]
                self.send_response(200)
            else:
                self.send_response(404)
                self.end_headers()
                return
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()
