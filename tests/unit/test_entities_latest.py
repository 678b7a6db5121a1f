"""``ArticleEntities.last_sentences``: the sentence of each entity's latest mention (latest as
``mentions`` lists them) before a position, as a scan of every mention gives it, however
mentions and queries interleave."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrowse.index.quotes.entities import ArticleEntities, Entity

TEXT_LENGTH = 200
steps = st.lists(
    st.one_of(
        # a mention: (entity, position, sentence)
        st.tuples(st.just("mention"), st.integers(0, 3), st.integers(0, 199), st.integers(0, 9)),
        # a query: (entities asked about, before this position)
        st.tuples(st.just("ask"), st.sets(st.integers(0, 3)), st.integers(0, 260)),
    ),
    max_size=60,
)


def _scan(entities: ArticleEntities, pool: list[Entity], pos: int) -> dict[int, int]:
    wanted = {id(e) for e in pool}
    last: dict[int, int] = {}
    for m in entities.mentions:
        if m.pos < pos and id(m.ent) in wanted:
            last[id(m.ent)] = m.sent
    return last


@settings(max_examples=300, deadline=None)
@given(steps)
def test_last_sentences_is_the_scan_of_every_mention(script: list[tuple]) -> None:
    entities = ArticleEntities()
    entities.text = "x" * TEXT_LENGTH
    people = [Entity(f"Person {k}", "person") for k in range(4)]
    for step in script:
        if step[0] == "mention":
            _, who, pos, sent = step
            entities.mention(sent, pos, people[who])
        else:
            _, asked, pos = step
            pool = [people[k] for k in sorted(asked)]
            assert entities.last_sentences(pool, pos) == _scan(entities, pool, pos)


def test_a_later_listed_mention_wins_over_a_later_placed_one() -> None:
    entities = ArticleEntities()
    entities.text = "x" * TEXT_LENGTH
    berg = Entity("Anna Berg", "person")
    entities.mention(5, 120, berg)
    entities.mention(2, 40, berg)  # listed later (a pronoun found afterwards), placed earlier
    assert entities.last_sentences([berg], 150) == {id(berg): 2}
    assert entities.last_sentences([berg], 100) == {id(berg): 2}
    assert entities.last_sentences([berg], 40) == {}
