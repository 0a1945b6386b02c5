"""Connects the search bar, facet sidebar and result model to the search thread.

Every change of query, sort or filters starts a new *generation*; answers of
an older generation are dropped, so a slow answer never overwrites a newer
one. Pages for scrolling are requested with the same generation.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.core.search.models import SearchRequest, SearchResult, SortKey
from desktop.ui.core_messages import translate_message
from desktop.ui.facets.sidebar import FacetSidebar
from desktop.ui.results.message import ResultsMessage
from desktop.ui.results.model import ResultRow, ResultsModel
from desktop.ui.search.bar import SearchBar
from desktop.ui.search.service import Answer, SearchService

PAGE_SIZE = 50


_SORT_KEYS: dict[str, SortKey] = {"relevance": "relevance", "newest": "newest", "oldest": "oldest"}

class SearchController(QObject):
    results_changed = Signal(object)  # SearchResult of the first page
    page_loaded = Signal(int)  # offset
    error_shown = Signal(str)

    def __init__(
        self,
        service: SearchService,
        model: ResultsModel,
        bar: SearchBar,
        facets: FacetSidebar,
        parent: QObject | None = None,
        message: ResultsMessage | None = None,
    ):
        super().__init__(parent)
        self.service = service
        self.model = model
        self.bar = bar
        self.facets = facets
        self.message = message  # query errors and notices, over the result list
        self.generation = 0
        self.query = ""
        self.sort: SortKey = bar.sort_key()
        self.filters: dict[str, tuple[str, ...]] = {}
        # Filters set by other parts than the facets (unread only, say): kept across
        # facet changes and merged into every request.
        self.extra_filters: dict[str, tuple[str, ...]] = {}
        self.last_result: SearchResult | None = None
        service.answered.connect(self._on_answer)
        service.failed.connect(self._on_failed)
        model.more_requested.connect(self._fetch_page)
        bar.query_changed.connect(self.set_query)
        bar.sort_changed.connect(self.set_sort)
        facets.filters_changed.connect(self.set_filters)

    def _request(self, offset: int, facets: bool) -> SearchRequest:
        return SearchRequest(
            query=self.query,
            sort=self.sort,
            limit=PAGE_SIZE,
            offset=offset,
            filters={**self.filters, **self.extra_filters},
            snippets=True,
            facets=facets,
        )

    def refresh(self) -> None:
        """Run the current search again from the first page."""
        self.generation += 1
        self.bar.show_busy()
        self.service.submit(self._request(0, True), self.generation)

    def set_query(self, query: str) -> None:
        self.query = query
        self.refresh()

    def set_sort(self, sort: str) -> None:
        chosen = _SORT_KEYS.get(sort)
        if chosen is not None:
            self.sort = chosen
            self.refresh()

    def set_filters(self, filters: dict[str, tuple[str, ...]]) -> None:
        self.filters = dict(filters)
        self.refresh()

    def set_extra_filter(self, key: str, values: tuple[str, ...]) -> None:
        """Set (or with no values, drop) one filter beside the facets', and search again."""
        if values:
            self.extra_filters[key] = tuple(values)
        else:
            self.extra_filters.pop(key, None)
        self.refresh()

    def all_filters(self) -> dict[str, tuple[str, ...]]:
        """The facet filters and the extra ones, as the next request carries them."""
        return {**self.filters, **self.extra_filters}

    def _fetch_page(self, offset: int) -> None:
        self.service.submit(self._request(offset, False), self.generation)

    def _on_answer(self, answer: Answer) -> None:
        if answer.generation != self.generation:
            return
        result = answer.result
        rows = [ResultRow.from_hit(h) for h in result.hits]
        if answer.request.offset == 0:
            self.last_result = result
            self.model.reset_rows(rows, result.total)
            self.bar.show_total(result.total, result.total_is_exact, result.notice, result.took_ms)
            if self.message is not None:
                if result.notice:
                    self.message.show_notice(translate_message(result.notice))
                else:
                    self.message.clear()
            if result.facets:
                self.facets.set_counts(result.facets)
            self.results_changed.emit(result)
        else:
            self.model.append_page(answer.request.offset, rows)
            self.page_loaded.emit(answer.request.offset)

    def _on_failed(self, _request_id: int, generation: int, message: str) -> None:
        if generation != self.generation:
            return
        message = translate_message(message)
        self.model.page_failed()
        self.bar.show_error(message)
        if self.message is not None:
            self.message.show_error(message)
        self.error_shown.emit(message)
