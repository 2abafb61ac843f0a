"""One warm headless Chromium (through kaleido) renders plotly figures to PNG for the whole
process: started on first use, then kept open for every later deck, PDF and session."""

from __future__ import annotations

import asyncio
import atexit
import concurrent.futures
import contextlib
import threading

import kaleido
import plotly.graph_objects as go

TABS = 2  # figures of one batch render side by side, one per core
RELOAD_EVERY = 50  # figures a tab renders before its page starts afresh
START_SECONDS = 120


class _WarmKaleido(kaleido.Kaleido):
    """Kaleido reloads a tab's page after every figure: 0.15 s of the 0.22 s a meeting
    heatmap took here. These tabs reload after every RELOAD_EVERY figures, so a server that
    runs for weeks still starts its pages afresh; the PNGs are byte for byte the same."""

    _returned = 0

    async def _return_kaleido_tab(self, tab) -> None:  # kaleido 1.5's hook, pinned
        self._returned += 1
        if self._returned % RELOAD_EVERY == 0:
            await super()._return_kaleido_tab(tab)
        else:
            await self.tabs_ready.put(tab)


class _Renderer:
    """The browser's tabs and the event loop that drives them, on a thread of their own."""

    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._opened: concurrent.futures.Future[_WarmKaleido] = concurrent.futures.Future()
        self._thread = threading.Thread(target=self._loop.run_until_complete,
                                        args=(self._serve(),), daemon=True,
                                        name="figure-renderer")
        self._thread.start()
        self._kaleido = self._opened.result(timeout=START_SECONDS)

    async def _serve(self) -> None:
        self._closing = asyncio.Event()
        try:
            async with _WarmKaleido(n=TABS) as warm:
                self._opened.set_result(warm)
                await self._closing.wait()
        except BaseException as exc:
            if not self._opened.done():
                self._opened.set_exception(exc)
            raise

    def render(self, figures: list[tuple[go.Figure, int, int]], scale: float) -> list[bytes]:
        async def batch() -> list[bytes]:
            return await asyncio.gather(*(
                self._kaleido.calc_fig(fig, opts={"format": "png", "width": width,
                                                  "height": height, "scale": scale})
                for fig, width, height in figures))
        return asyncio.run_coroutine_threadsafe(batch(), self._loop).result()

    def close(self) -> None:
        self._loop.call_soon_threadsafe(self._closing.set)
        self._thread.join(timeout=30)


_renderer: _Renderer | None = None
_starting = threading.Lock()


def _started() -> _Renderer:
    global _renderer
    with _starting:
        if _renderer is None:
            _renderer = _Renderer()
        return _renderer


def warm_up() -> None:
    """Open the browser in the background, so the first deck or PDF does not wait the
    seconds it takes; a failure here is left to the first render to report."""
    def start() -> None:
        with contextlib.suppress(Exception):
            _started()

    if _renderer is None and not _starting.locked():  # not one thread per rerun meanwhile
        threading.Thread(target=start, daemon=True, name="figure-renderer-start").start()


def figure_pngs(figures: list[tuple[go.Figure, int, int]], scale: float) -> list[bytes]:
    """Each (figure, width, height) as PNG bytes, `scale` pixels per layout pixel. Callers
    from several sessions at once share the tabs; a renderer that failed is started anew on
    the next call."""
    global _renderer
    renderer = _started()
    try:
        return renderer.render(figures, scale)
    except Exception:
        with _starting:
            if _renderer is renderer:
                _renderer = None
        renderer.close()
        raise


@atexit.register
def _close() -> None:
    if _renderer is not None:
        _renderer.close()
