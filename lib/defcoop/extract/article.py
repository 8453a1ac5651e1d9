"""Stage 3 - extract: turn one clean article into records that keep their article id and sentence.

`extract_article` is a pure function of one article, so files can be processed in any
order or in parallel; merging meetings across articles happens later in `meetings`.

>>> records = extract_article(clean_article(raw), raw)      # doctest: +SKIP
>>> records.meetings[0].mechanism                           # doctest: +SKIP
'defence_policy_dialogue'
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class ArticleRecords:
    """Everything extracted from one article; rows are dicts in table column order."""

    article_id: str
    article_row: dict
    log_rows: list[dict] = field(default_factory=list)
    meetings: list = field(default_factory=list)       # list[MeetingCandidate]
    agreements: list[dict] = field(default_factory=list)
    sentences: list[dict] = field(default_factory=list)


def process_article(raw) -> ArticleRecords:
    """Clean and extract one raw article with the rule files of its language
    (`defcoop.ingest.language`), which its article row records.

    >>> from defcoop.ingest.corpus import RawArticle
    >>> process_article(RawArticle("a", "a.txt", "txt", "Hai bên đã hội đàm tại Hà Nội và nhất trí tăng cường hợp tác.")).article_row["language"]
    'vi'
    """
    from defcoop.ingest.clean import clean_article
    from defcoop.ingest.language import article_language
    from defcoop.rules import rules_language

    lang = article_language(raw.meta.get("language"), raw.text)
    with rules_language(lang):
        records = extract_article(clean_article(raw), raw)
    records.article_row["language"] = lang
    return records


def extract_article(clean, raw) -> ArticleRecords:
    """Meetings, signed documents and classified sentences of one cleaned article."""
    from defcoop.extract.agreements import dated_subject, find_signed_documents
    from defcoop.ingest.clean import caption_text
    from defcoop.extract.sentences import sentence_rows, has_vn_kh_themes, is_about_vn_kh, load_sentence_kind_rules
    from defcoop.extract.dates import url_date, url_month_windows
    from defcoop.extract.url_ids import url_id_windows
    from defcoop.extract.meetings import extract_meetings, infer_countries, reports_one_side_event
    from defcoop.extract.people import load_officials
    from defcoop.extract.places import find_countries, find_places
    from defcoop.rules.reference import fold_cached, start_article

    start_article()
    sentences = list(clean.sentences)
    # Every rule reads folded text and several read country names: compute both once per
    # sentence here and hand them down, instead of once per rule.
    folded = [fold_cached(sentence) for sentence in sentences]
    countries = [find_countries(sentence, f) for sentence, f in zip(sentences, folded)]
    # for "is this about Vietnam and Cambodia": provinces and cities name their country too
    # ("the Ia O border guard station in Gia Lai met its counterparts from Ratanakiri")
    countries_or_places = [hits + [(p.country, p.start, p.end, p.name_as_written) for p in find_places(s, f)]
                           for hits, s, f in zip(countries, sentences, folded)]
    officials = load_officials()
    # photo captions the cleaner removed still introduce the people the body names bare ("Son said")
    captions = [entry.text for entry in clean.log if entry.rule == "caption_credit"]
    introduced = infer_countries(officials.introduced_people(captions), captions)
    mentions = officials.find_people(sentences, introduced=introduced)
    published = date.fromisoformat(clean.published) if clean.published else None
    page_month = raw.meta.get("published_month")
    page_dated = (date.fromisoformat(f"{page_month}-01"), "month") if page_month else url_date(raw.meta.get("url"))
    page_windows = url_month_windows(page_dated) if published is None else []
    if published is None and page_dated is None:   # the URL's article id may still bracket it
        page_windows = url_id_windows(raw.meta.get("url"))
    # where sentence_kinds.yaml says `headline_counts`, the headline names the countries as a sentence does
    # (a headline on remains of soldiers who fell in Cambodia, the body naming Cambodia once; a headline naming
    # "Vietnam's coast guard" over a body that names only its regional command)
    headline = ([find_countries(clean.title) + [(p.country, p.start, p.end, p.name_as_written)
                                                 for p in find_places(clean.title)]]
                if clean.title and load_sentence_kind_rules().headline_counts else [])
    meetings = (extract_meetings(clean.article_id, sentences, published, mentions, officials, folded,
                                 dateline=clean.dateline, dateline_text=clean.dateline_text,
                                 countries=countries_or_places, page_windows=page_windows,
                                 captions=[caption_text(caption) for caption in captions], headline=clean.title,
                                 url=raw.meta.get("url"))
                if is_about_vn_kh(sentences, countries_or_places + headline, mentions) else [])
    # a reburial of remains brought home from Cambodia is no meeting without a Cambodian there, but a VN-KH story
    relevant = has_vn_kh_themes(countries_or_places + headline,
                                reports_meeting=bool(meetings) or reports_one_side_event(sentences, folded),
                                folded=folded, headline=clean.title)
    meeting_key = meetings[0].key if meetings else None
    # a plan "for this year" is dated by the meeting it was signed at
    meeting_year = meetings[0].date_start.year if meetings and meetings[0].date_start else None

    agreements = []
    if meetings:
        for sentence, folded_sentence in zip(sentences, folded):
            for document in find_signed_documents(sentence, folded=folded_sentence):
                agreements.append({
                    "agreement_id": f"{clean.article_id}-A{len(agreements) + 1}",
                    "meeting_key": meeting_key, "article_id": clean.article_id,
                    "kind": document.kind, "subject": dated_subject(document.subject, meeting_year),
                    "sentence": sentence, "back_reference": document.back_reference,
                })
        # a photo caption shows a document being signed that the body does not name ("The two
        # officers sign a memorandum of understanding on ..."): signed at the reported meeting
        named = {row["kind"] for row in agreements}
        for caption in captions:
            shown = caption_text(caption)
            for document in find_signed_documents(shown):
                if document.kind not in named and not document.back_reference:
                    agreements.append({
                        "agreement_id": f"{clean.article_id}-A{len(agreements) + 1}",
                        "meeting_key": meeting_key, "article_id": clean.article_id,
                        "kind": document.kind, "subject": dated_subject(document.subject, meeting_year),
                        "sentence": shown,
                        "back_reference": False,
                    })
    return ArticleRecords(
        article_id=clean.article_id,
        article_row=article_row(clean, raw),
        log_rows=[log_row(entry) for entry in clean.log],
        meetings=meetings,
        agreements=_drop_repeated_documents(agreements),
        sentences=sentence_rows(clean.article_id, sentences, mentions, relevant, meeting_key,
                                    folded, countries),
    )


def _drop_repeated_documents(rows: list[dict]) -> list[dict]:
    """A document named twice in one article (lead and body) is one signed document; so is one
    named without a subject ("Both sides sign cooperation agreement") beside a document of the
    same kind that has one; so is a back reference ("The signing of the agreement highlighted ...",
    `back_reference` in agreements.yaml) beside a document of another kind.

    >>> rows = [{"kind": "agreement", "subject": None, "article_id": "a"},
    ...         {"kind": "agreement", "subject": "border cooperation", "article_id": "a"}]
    >>> [(r["kind"], r["subject"], r["agreement_id"]) for r in _drop_repeated_documents(rows)]
    [('agreement', 'border cooperation', 'a-A1')]
    >>> rows = [{"kind": "cooperation_plan", "subject": None, "article_id": "a"},
    ...         {"kind": "agreement", "subject": "highlighted it", "article_id": "a", "back_reference": True}]
    >>> [r["kind"] for r in _drop_repeated_documents(rows)]
    ['cooperation_plan']

    So is one whose subject is the first words of another's of the same kind ("cooperation"
    beside "cooperation in 2015"): the same document, named once without its year.

    >>> rows = [{"kind": "minutes", "subject": "cooperation", "article_id": "a"},
    ...         {"kind": "minutes", "subject": "cooperation in 2015", "article_id": "a"}]
    >>> [r["subject"] for r in _drop_repeated_documents(rows)]
    ['cooperation in 2015']
    """
    with_subject = {row["kind"] for row in rows if row["subject"]}
    others = {row["kind"] for row in rows if not row.get("back_reference")}
    subjects = {(row["kind"], (row["subject"] or "").casefold()) for row in rows if row["subject"]}
    seen, kept = set(), []
    for row in rows:
        if row.get("back_reference") and others - {row["kind"]}:
            continue
        if row["subject"] and _named_more_fully(row["kind"], row["subject"].casefold(), subjects):
            continue
        row = {key: value for key, value in row.items() if key != "back_reference"}
        key = (row["kind"], (row["subject"] or "").casefold())
        if key not in seen and (row["subject"] or row["kind"] not in with_subject):
            seen.add(key)
            kept.append({**row, "agreement_id": f"{row['article_id']}-A{len(kept) + 1}"})
    return kept


def _named_more_fully(kind: str, subject: str, subjects: set) -> bool:
    """Another document of `kind` has a subject that starts with all the words of `subject`, then
    more words or a clause after a comma (a caption's "to mark cooperation in 2021" beside the
    body's "to mark cooperation in 2021, with a focus on ...").

    >>> _named_more_fully("mou", "training", {("mou", "training, with a focus on medicine")})
    True
    >>> _named_more_fully("mou", "train", {("mou", "training")})
    False
    """
    return any(other_kind == kind and (other.startswith(subject + " ") or other.startswith(subject + ","))
               for other_kind, other in subjects)


def article_row(clean, raw) -> dict:
    return {
        "article_id": clean.article_id, "title": clean.title, "source": clean.source,
        "dateline": clean.dateline, "url": raw.meta.get("url"), "published": clean.published,
        "language": raw.meta.get("language"), "format": raw.format, "path": raw.path,
        "encoding": raw.encoding, "chars_raw": str(raw.chars_raw), "chars_clean": str(len(clean.text)),
        "n_sentences": str(len(clean.sentences)), "text": clean.text,
    }


def log_row(entry) -> dict:
    return {"article_id": entry.article_id, "action": entry.action, "rule": entry.rule,
            "line": str(entry.line), "text": entry.text}
