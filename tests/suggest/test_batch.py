"""Documents read by several processes: the same suggestions as reading them here, in order,
and every field of a suggestion makes the trip between processes."""

from __future__ import annotations

import dataclasses
import os
import signal
import typing
from concurrent.futures import ProcessPoolExecutor

from curator.suggest import batch
from curator.suggest import suggestions as suggestion_types
from curator.suggest.batch import suggest_documents, worth_parallel
from curator.suggest.pipeline import suggest_document
from curator.suggest.suggestions import (
    DocumentSuggestions,
    Span,
    SuggestedCountry,
    SuggestedEvent,
    SuggestedLink,
    SuggestedOrganization,
    SuggestedPerson,
    from_plain,
    to_plain,
)

VISIT = """Partnership News

On May 14, 2018, Vice Minister of Finance Liu Kun met with Mr. Tomas Berg, Director of the \
Nordic Development Fund (NDF), in Beijing. Vice Minister Liu welcomed Mr. Berg.
"""
SEMINAR = """Training Programmes

From September 3 to 16, 2018, the Seminar on Rural Water Supply, organized by the China \
Institute of Water Resources (CIWR), was held in Wuhan. 28 engineers from 11 countries, \
including Zambia, Fiji and Peru, attended the seminar.
"""
AGREEMENT = """Agreements

On November 2, 2018, Director-General Anan Phiri of the Malawi Irrigation Agency and Ms. Chen \
Yu, President of the Huaxin Engineering Company, signed an agreement in Lilongwe, Malawi.
"""


def test_every_field_of_a_suggestion_crosses_between_processes() -> None:
    span = Span(3, 9)
    link = SuggestedLink("key", "organizer", span, "Director")
    full = DocumentSuggestions(
        events=[SuggestedEvent("Seminar", "seminar/training", "2018-09-03", "2018-09-16", span,
                               "Wuhan", "CN", 28, 0.6, [link], [link],
                               [SuggestedCountry("ZM", "participating", span)])],
        people=[SuggestedPerson("chen yu", "Chen Yu", "President", "CN", "陈雨", "huaxin",
                                0.7, [span], {"Ms. Chen": [span]})],
        organizations=[SuggestedOrganization("ndf", "Nordic Development Fund", "NDF", "fund",
                                             "FI", "北欧发展基金", 0.9, [span])],
    )
    for record in (full.events[0], full.people[0], full.organizations[0], link):
        hints = typing.get_type_hints(type(record), vars(suggestion_types))
        for spec in dataclasses.fields(record):
            default = spec.default_factory() if callable(spec.default_factory) else spec.default
            assert getattr(record, spec.name) != default, \
                f"{type(record).__name__}.{spec.name} ({hints[spec.name]}) left at its default"
    assert from_plain(to_plain(full)) == full


def test_documents_read_side_by_side_give_what_one_process_gives_in_order() -> None:
    texts = [VISIT, SEMINAR, AGREEMENT, VISIT.replace("2018", "2019")]
    alone = [suggest_document(text) for text in texts]
    together = list(suggest_documents([(text, ()) for text in texts], workers=2))
    assert together == alone
    assert [len(found.events) for found in together] == [1, 1, 1, 1]
    assert together[3].events[0].start_date == "2019-05-14"


def test_stopping_early_leaves_the_rest_unread() -> None:
    readings = suggest_documents([(VISIT, ()), (SEMINAR, ()), (AGREEMENT, ())], workers=2)
    first = next(readings)
    readings.close()
    assert first == suggest_document(VISIT)


def test_only_several_long_documents_are_worth_more_processes() -> None:
    assert not worth_parallel([5_000_000])
    assert not worth_parallel([2_000, 3_000])
    assert worth_parallel([150_000, 150_000]) is ((os.cpu_count() or 1) > 1)


def test_reading_processes_leave_ctrl_c_to_the_caller() -> None:
    # The caller stops the run on Ctrl+C; a reading process would print a traceback.
    with ProcessPoolExecutor(max_workers=1,
                             initializer=batch._leave_interrupts_to_the_caller) as pool:
        assert pool.submit(signal.getsignal, signal.SIGINT).result() is signal.SIG_IGN
