"""Every numeric threshold of extraction, named once, each with why it has its value.

Modelled on trafilatura's `settings.py`: the numbers the rules compare against live
here, so that "mostly links" or "headline-sized" means the same in every module and a
change is made in one place.  Lengths are content characters (`candidate.count_chars`:
Han characters, Latin letters, digits), never bytes or words: Chinese has no spaces.
Punctuation counts are sentence punctuation (，。；！？、,;).
"""
from __future__ import annotations



class Settings:
    """The thresholds as class attributes of a read-only object: no slots, so nothing
    can be set on an instance (a frozen dataclass of this size costs 4 ms at every
    start to generate its `__init__`)."""

    __slots__ = ()

    # --- block shapes (candidate.py, headline.py; every module that asks them) -------
    mostly_links: float = 0.5  # half of a block's characters inside links: a link list, not prose
    few_links: float = 0.3  # below this a block reads as text (a lead, prose that resumes)
    linked_sentence_links: float = 0.85  # a sentence whose names are links (an encyclopedia's) still has its own words between them
    prose_min_chars: int = 40  # prose: this long with two punctuation marks inside…
    prose_min_punct: int = 2  # …marks (one mark in a short line is a caption or a label)
    prose_long_chars: int = 80  # …or this long with one (a long sentence)
    signature_lines: int = 3  # a forum signature under its rule: at most this many short lines
    sentence_run_lines: int = 6  # a dump written a sentence a line: this many sentences in a row…
    sentence_run_chars: int = 120  # …this long together, are prose (a 微博 post; no menu is sentences)
    sentence_min_chars: int = 8  # a caption or one-line paragraph: shorter is a label or a button
    section_climb: int = 3  # an article in headed sibling boxes: its kept box is found this far above its prose, their container this far above the box
    section_core_share: float = 0.8  # the kept box holds this share of the kept prose (trafilatura may keep a stray paragraph of another)
    section_min_others: int = 2  # …which holds at least this many more headings of the kept box's level (a 译文/注释/赏析 page: three boxes)
    rescue_depth: int = 3  # a left-out paragraph may sit this many levels under its container (unclosed <p> nest the next ones)
    cue_cache_lines: int = 1024  # lines whose cue is remembered: label splitting and the classifier ask about the same lines (a page has a few hundred)
    cue_cache_chars: int = 2000  # …when no longer than this: 1,024 such lines hold at most ~4 MB, whatever the pages
    headline_min_chars: int = 4  # a headline or a link title: shorter is a label (首页)
    headline_max_chars: int = 60  # longer is a sentence, however it is punctuated
    headline_inner_punct: int = 1  # a link headline has at most one mark inside (一, 二)
    headline_shaped_punct: int = 4  # a page's own headline may carry a colon and commas
    short_line_chars: int = 40  # captions, numbered headings: no longer than this
    menu_min_items: int = 4  # a flattened menu: at least four items on one line…
    menu_bar_median: int = 16  # …parted by bars, its middle item no longer than this
    menu_item_max: int = 8  # …or parted by spaces, none longer than this
    menu_item_median: int = 4  # …and the middle one a two-to-four character word

    # --- the zone classifier (classify.py) ----------------------------------------
    body_start_min: int = 200  # prose that must precede a terminator (a short lede is not an article)
    body_start_share: float = 0.3  # …or this share of all the prose, for short articles
    heading_end_min: int = 100  # …a related heading over teasers ends even a short article
    verse_lines_min: int = 4  # a page without prose: lines under the headline before a region cue may end it (a quatrain)
    share_bar_window: int = 2  # a 评论 heading with a share button this close under it is a button in a share bar
    quote_zone: float = 0.5  # a disclaimer or end mark in the first half of the prose is quoted
    editor_line_chars: int = 24  # an editor line this short (责任编辑：杨赐, 【编辑:王五】) under the article closes it
    teaser_window: int = 30  # lines under a heading searched for headline + lede pairs
    teaser_min: int = 2  # two such pairs make a teaser list
    comment_lead_lines: int = 3  # a comment's name and text stand this far above its time line
    resume_gap_lines: int = 2  # an ad's label or a picture between two paragraphs: the article goes on past this many
    clock_stamps_min: int = 3  # a clock time alone over a sentence, this often: a transcript's stamps, not a timetable's
    prompt_sentence_chars: int = 10  # a prompt word in a complete sentence this long is prose
    prompt_clause_chars: int = 20  # …or in this many characters with two punctuation marks
    meta_in_body_chars: int = 30  # inside the body, a metadata label takes a line this short
    summary_min_chars: int = 10  # a 摘要 repeats the body only if it says this much
    summary_probe_chars: int = 60  # …compared on its first characters
    signoff_max_chars: int = 25  # a reporter's sign-off after the article
    promo_max_chars: int = 30  # a 【推广】 label line after the article
    byline_min_chars: int = 2  # a bare name under the headline: two to six characters
    byline_max_chars: int = 6  # …(a Chinese name with a label or two)
    byline_prose_margin: int = 4  # …followed by a line this much longer (prose, not a poem)
    title_repeat_min: int = 8  # the title inside a longer line counts when it is this long…
    title_label_margin: int = 12  # …and the line adds at most this much (原创, 播报文章)
    menu_run: int = 3  # tiny lines in a row outside the body: a menu
    menu_word_chars: int = 4  # a menu item, with prose on the page
    menu_word_chars_no_prose: int = 3  # …without (four-character verse stays)
    lead_in_min_chars: int = 6  # a colon line this long introduces the article's own list
    repeat_min_chars: int = 8  # a repeated line this long is furniture (shorter repeats are words)
    headline_run: int = 3  # headline-like lines in a row after the body: a link list
    caption_page_ratio: float = 3.0  # …unless they outweigh the prose above them this many times: a page told in short lines (a photo blog's captions)
    button_row_chars: int = 20  # short lines after a row of buttons are more buttons
    row_ending_sentence_chars: int = 12  # a sentence this long ending on 。 ends a row of buttons (a promo shouts ！)
    inline_headline_chars: int = 16  # headline-length lines between paragraphs: other articles…
    inline_headline_run: int = 2  # …two or more of them in a row
    empty_lead_in_chars: int = 10  # a bare lead-in ("理论新闻精选：") left at the end
    lead_clause_chars: int = 6  # lead-repeat test: clauses this long…
    lead_min_chars: int = 20  # …adding up to this much
    lead_excerpt_ratio: float = 1.5  # the paragraph it lifts from is this much longer…
    lead_excerpt_share: float = 0.7  # …and holds this share of the lead's clauses
    caption_max_punct: int = 1  # a caption line has at most one mark

    # --- the headline (headline.py) --------------------------------------------------
    title_search_lines: int = 60  # lines searched for the headline above the prose
    title_top_lines: int = 8  # without a date under it, a headline stands this near the top
    post_title_level: int = 3  # a blog's post title under its date header is a heading this deep at most (Blogger's h3)
    title_long_chars: int = 8  # long enough to be a headline, not a label
    title_dated_chars: int = 6  # a dated headline may be this short
    title_byline_chars: int = 12  # "石佳/中国青年报": a slash this early is a byline
    dated_window: int = 6  # lines under the headline searched for its date
    title_bar_lines: int = 300  # a whole page's <title> on top, its headline repeated this far down (a portal head is ~160 lines)
    title_bar_prefix_chars: int = 12  # a <title> bar may name the book or column before the headline (剑起青萍 第三十二章 …)
    dated_label_chars: int = 8  # …past one short label (the outlet's name)
    derived_title_chars: int = 30  # a title made from the first sentence
    derived_title_min: int = 8  # …of a paragraph at least this long
    dateline_max_chars: int = 45  # a dateline: date, outlet and reporter, no more
    dateline_max_punct: int = 2  # …and at most two marks (more is a sentence)

    # --- the DOM pruner and the markup (dom.py, html.py) -----------------------------
    answer_min_prose: int = 200  # a reply box holding one reply this long…
    answer_share: float = 0.5  # …and this share of the rest of the page's prose is the page's answer, not a comment
    answer_item_prose: int = 30  # (a reply is an item with this much prose…
    answer_one_item: float = 0.9  # …and one item holds this share of the box's: a single reply)
    form_box_chars: int = 240  # a box of form fields holds its labels and a line or two of instructions, no more
    teaser_items: int = 3  # a teaser list repeats at least this many children
    teaser_item_chars: int = 800  # a teaser is at most this long
    teaser_link_chars: int = 8  # its longest link is a headline
    teaser_link_share: float = 0.05  # …and not a keyword auto-linked in a long sentence
    teaser_child_share: float = 0.6  # most children are teasers…
    teaser_text_share: float = 0.6  # …and hold most of the list's text
    holds_most: float = 0.5  # a named container holding this share of the prose is the article
    post_list_min: int = 3  # posts of a thread: at least this many look-alike siblings, each stamped
    post_min_chars: int = 10  # …each saying something (a bare stamp row is no post)
    prose_page_min: int = 200  # pages with less prose than this are judged by their plain text
    dense_min_chars: int = 10  # a text block scores for its container from this length
    dense_chunk: int = 50  # …one point per this many characters…
    dense_chunk_max: int = 3  # …up to this many
    dense_parent_share: float = 0.75  # a parent scoring this close holds more of the same article
    lead_key_chars: int = 20  # the first paragraph is found by its first characters
    lead_min_chars: int = 20  # a lead in its own <div> is at least this long
    repeat_probe_chars: int = 12  # a line that starts as the line above starts repeats it (a headline under its <title> bar)
    title_element_key: int = 12  # a titled element is followed by the body's first characters…
    title_element_key_min: int = 8  # …when the body starts with at least this many
    title_element_punct: int = 2  # a titled element is headline-shaped: at most two marks inside
    lead_key_min: int = 10  # a first paragraph shorter than this is not looked for
    title_element_after: int = 400  # …within this many characters
    anchor_chars: int = 12  # removed furniture is placed by the characters that follow it
    dump_min_lines: int = 8  # trafilatura dumped a region: a column of this many lines…
    dump_line_chars: int = 25  # …averaging no more than this
    pre_prose_lines: int = 3  # a <pre> of this many lines…
    pre_prose_han_share: float = 0.5  # …at least this much of it Chinese characters…
    pre_code_marks_share: float = 0.06  # …and next to no code marks ({}();=<>[]$#) is prose kept as typed, read a line at a time
    flattened_extra: int = 50  # a paragraph this much longer than the headline it carries
    site_name_max: int = 30  # a site name longer than this is a sentence
    site_min_chars: int = 2  # the site in <title>: two to twelve characters
    site_max_chars: int = 12  # …(longer is a slogan)
    author_meta_max: int = 40  # <meta name=author> longer than this is not a name
    date_under_chars: int = 80  # the date stamp stands this close under the headline
    lead_seen_chars: int = 30  # a lead whose first characters the body already has is no lead
    flattened_title_min: int = 6  # a headline this long can be recognised inside a paragraph

    # --- the inventory (inventory.py, __init__.py) ---------------------------------
    locate_near: int = 4000  # a short search key is looked for only this far ahead
    locate_short_key: int = 4  # …keys shorter than this
    locate_stretch: int = 20  # a line's raw span is at most this many times its text
    find_head: int = 16  # a block is found by its first characters…
    find_stretch: int = 2  # …and its end within twice its length
    find_tries: int = 8  # occurrences tried before a taken one is reused
    piece_chars: int = 12  # a stitched block is matched this many characters at a time
    piece_min: int = 4  # …down to pieces this short
    unaccounted_share: float = 0.5  # a line more than half unmatched is listed
    after_heading_min: int = 200  # a dropped related heading ends the article after this much prose…
    after_heading_share: float = 0.7  # …and this share of it
    after_heading_blocks: int = 3  # …when at most this many kept blocks stand under it

    # --- text dumps (segment.py) -----------------------------------------------------
    numbered_probe_chars: int = 12  # a numbered heading's number (第十二节, （三）) stands in a line's first characters
    broken_line_min: int = 20  # a line this long that stops mid-sentence was hard-broken
    wrap_width_min: int = 60  # a text browser wraps its dump at this many columns or more (w3m 80, lynx 79)…
    wrap_slack: int = 3  # …its lines of prose within this of the widest (a wrapper fills each line but for a word or a wide character)…
    wrap_lines_min: int = 5  # …at least this many (an unwrapped dump has one or two at its widest)
    wrap_room_max: int = 20  # a cut line leaves at most this many columns (a long word) at its end
    wrap_probe_chars: int = 20  # …so a line shorter than this is never a cut one (at most 40 columns), nor is…
    wrap_line_max_chars: int = 150  # …one longer than this (no text browser wraps at 300 columns): neither is measured
    label_line_max: int = 30  # a short unpunctuated next line is a label, not the rest

    # --- cue shapes and labels (rules.py, meta.py, frontmatter.py) ----------------------
    heading_cue_max: int = 16  # a heading cue is the whole short line
    heading_qualifier_max: int = 5  # "更多編輯台推薦新聞": a qualifier this long in front
    box_heading_min: int = 3  # a heading of this many…
    box_heading_chars: int = 8  # …to this many characters with a "more >" link heads a box of the site's (诗人简介 more>; "查看更多>>" is a button)
    cue_quote_chars: int = 40  # the words a pattern cue matched, as quoted in its reason
    pruned_probe_chars: int = 200  # a pruned container's first line is read this far for a cue
    summary_tail_cut: int = 4  # a 摘要's last characters may be reworded ("…等。"); not compared
    author_max_chars: int = 20  # a byline longer than this is a slogan, not a name
    yaml_header_lines: int = 40  # a dump's YAML header closes within this many lines

    # --- the core of a whole-page dump (core.py) -------------------------------------
    core_line_cost: float = 10.0  # a menu item, link or counter line costs the core run this many tokens
    core_tokens_per_mark: int = 40  # prose weighs at most this many tokens per clause mark (titles run together are no prose)
    core_min_tokens: int = 100  # a core weighs at least this much (less is too little to stand outside of)…
    core_min_share: float = 0.5  # …and outweighs the rest of the page's prose
    table_cells_min: int = 6  # a table of figures between two paragraphs, flattened a cell a line: at least this many cells
    lead_in_list_lines: int = 60  # a lead-in's list or table (a cell a line) runs at most this many lines
    core_wall_lines: int = 3  # this many furniture lines after the core end the article
    issuer_max_chars: int = 30  # a document's issuer over its date: an office's name, never longer
    card_value_chars: int = 80  # a profile card's label alone on its line takes the value under it, up to this long (an account's blurb)
    tag_max_chars: int = 12  # a tag under its label (关键字：/ LPR) is a word or two; longer is a sentence
    feed_items_min: int = 3  # lines opening with a source and "3小时前": this many make a feed (one is a sentence)
    thread_stamps_min: int = 3  # post stamps (name and time): this many make a thread (one or two are the article's date)
    stamp_line_chars: int = 60  # a post's stamp line is at most this long (longer is a sentence with a date in it)
    stamp_post_lines: int = 3  # a post's text starts this close under its stamp (its poster's name, rank between)
    stamp_label_lines: int = 2  # a Q&A page's 最佳答案 label stands this close under its answer's stamp
    feed_source_chars: int = 24  # a feed item's bullet stands within this many characters of the line's start (its source's name)
    encoded_run_chars: int = 40  # base64 this long in one token is data (no word, URL path or number runs so long)
    encoded_share: float = 0.8  # …and a line that is mostly such runs is data (a sentence quoting one long link is not)
    template_gap: int = 4  # lines between two lines of bare tags (<li>, </li>) are the template's text, up to this many
    placeholder_line_chars: int = 6  # a template line: its unfilled {Field}s and at most this many other characters (网友:{AddUser})

    # --- pages far larger than an article page (html.py) ----------------------------
    missed_prose_share: float = 0.25  # trafilatura's article holding less than this share of the page's prose missed it (a page's comments rarely outweigh its article 3 to 1)
    big_page_chars: int = 2_000_000  # markup outside scripts and styles: 1.5x the largest real page seen (1.3M characters), where trafilatura already takes seconds and grows faster than the page
    stream_head_lines: int = 300  # …read as a stream of tags: its headline, byline and date are looked for in its first lines
    stream_meta_tags: int = 200  # …and in at most this many <meta> tags (a page of millions is no head)
    core_page_lines: int = 20  # a whole page has this many lines outside its core (a scraped article alone, a few)


SETTINGS = Settings()
