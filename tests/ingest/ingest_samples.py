"""Sample documents shared by the ingest tests."""

from __future__ import annotations

from flashpoint.records import Article

ENGLISH = (
    "Government troops withdrew from the border town of Kelmar on Tuesday after two days of "
    "ceasefire talks mediated by the African Union, officials said. The defence ministry said "
    "the withdrawal was completed before dawn and that no shots had been fired."
)

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Troops withdraw from border town after ceasefire talks | Daily Ledger</title>
<meta property="og:title" content="Troops withdraw from border town after ceasefire talks">
<meta property="article:published_time" content="2024-03-12T08:30:00Z">
</head>
<body>
<header>
  <nav><ul>
    <li><a href="/">Home</a></li><li><a href="/world">World</a></li>
    <li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li>
  </ul></nav>
  <form class="search"><input type="text" placeholder="Search the Ledger"></form>
</header>
<main>
<article>
  <h1>Troops withdraw from border town after ceasefire talks</h1>
  <p class="byline">By Jane Doe, Reuters</p>
  <div class="share-buttons">
    <a href="#">Share on Facebook</a> <a href="#">Tweet</a> <a href="#">Email</a>
  </div>
  <p>Government troops withdrew from the border town of Kelmar on Tuesday after two days of
  ceasefire talks mediated by the African Union, officials said.</p>
  <p>The defence ministry said in a statement that the withdrawal was completed before dawn and
  that no shots had been fired. Rebel commanders confirmed that their fighters had moved into
  the town's outskirts.</p>
  <p>Advertisement</p>
  <p>By Tuesday evening, aid convoys carrying food and medicine had entered Kelmar for the first
  time in three weeks, according to the United Nations refugee agency.</p>
  <p>Read more: Why the Kelmar ceasefire matters</p>
  <p>"This is a fragile but real step," the AU envoy told reporters in the capital. He said the
  two sides would meet again next week to discuss a prisoner exchange.</p>
  <p>Fighting around Kelmar had displaced more than 40,000 people since January, the agency
  said.</p>
  <p>(Reporting by Jane Doe in Nairobi; Editing by John Roe)</p>
</article>
<section id="comments" class="comments">
  <h3>12 Comments</h3>
  <div class="comment"><p>Great news, finally some peace in the valley! Posted by user123</p></div>
  <div class="comment"><p>I do not believe it will last the winter. Posted by skeptic99</p></div>
</section>
</main>
<footer>
  <p>&copy; 2024 Daily Ledger Media Group. All rights reserved.</p>
  <ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy policy</a></li></ul>
  <p>Sign up for our newsletter to get the top stories every morning.</p>
</footer>
</body>
</html>
"""


def visible(article: Article) -> str:
    """The article text with its skip_spans blanked out: what the coder will actually read."""
    text = article.text
    for start, end in article.skip_spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text
