"""The judged query set and its metrics: exact values on hand-made rankings, a well-formed judged file, floors."""
from __future__ import annotations

import json
import math
import re

import pytest

from indexer.cli import main
from indexer.quality.evaluate_queries import (DEFAULT_QUERIES, JudgedQuery, QueryEvaluation, QueryOutcome, dcg,
                                              evaluate_queries, format_query_report, load_judged, ndcg_at, recall_at,
                                              reciprocal_rank)

from tests.conftest import NEWS, REPORTS, ROOT, SEEDS

JUDGED = ROOT / DEFAULT_QUERIES
HELDOUT = ROOT / "tests" / "data" / "judged_queries_heldout.jsonl"
# Set k was held out for one blind scoring (recall@10 0.893, nDCG@10 0.879, MRR 0.980, paragraph shown 56 %); it is
# development material since, like the old held-out set.
HELDOUT_K = ROOT / "tests" / "data" / "judged_queries_heldout_k.jsonl"
# Set m was held out for one blind scoring (0.764 / 0.785 / 0.852, paragraph shown 72 %); development material since.
HELDOUT_M = ROOT / "tests" / "data" / "judged_queries_heldout_m.jsonl"
# Per former held-out set: floors a little under today's recall@10, nDCG@10, MRR and paragraph shown (ranking round 3:
# old held-out 0.907 / 0.895 / 0.952 / 94 %; k 0.911 / 0.862 / 0.933 / 70 %; m 0.891 / 0.877 / 0.938 / 71 %, of
# which the half never tuned on, checked once, 0.880 / 0.860 / 0.923; before the round 0.907 / 0.889 / 0.952 / 100 %,
# 0.911 / 0.860 / 0.933 / 70 %, 0.764 / 0.785 / 0.852 / 72 %). Set n's 61 articles then joined the corpus, judged only
# for set n's queries (so they count as misses elsewhere): old held-out 0.907 / 0.893 / 0.952 / 94 %, k 0.897 / 0.841 /
# 0.910 / 70 %, m 0.900 / 0.875 / 0.883 / 74 %. Set n, scored blind once after round 3: 0.803 / 0.804 / 0.864 / 82 %.
HELDOUT_N = ROOT / "tests" / "data" / "judged_queries_heldout_n.jsonl"
# Ranking round 4 (clause words, "overall effectiveness", council names as one group, a counted list, joint care
# judgements): old held-out 0.907 / 0.906 / 0.952 / 94 %, k 0.897 / 0.845 / 0.910 / 70 %, m 0.903 / 0.883 / 0.901 /
# 74 %, n 0.831 / 0.830 / 0.894 / 86 % (its even half, never tuned on, checked once: 0.746 -> 0.761 recall@10);
# with facet round 4 beside it, m 0.894 / 0.879 / 0.901 / 74 %.
# Set p (40 articles, judged only for its own 24 queries) then joined the corpus and was scored blind once after
# round 4: 0.785 / 0.787 / 0.873 / 69 %; with it, old held-out 0.893 / 0.898 / 0.952 / 94 %, k 0.887 / 0.843 / 0.910 /
# 70 %, m 0.874 / 0.860 / 0.889 / 73 %, n 0.854 / 0.841 / 0.894 / 87 %.
# Ranking round 5 (time words, area head nouns, council names that are words, grade tables, years from the
# context; nq03 widened to set p's Sunderland story): k 0.887 / 0.843 -> 0.907 / 0.856 / 0.910 / 70 %, n 0.851 /
# 0.839 / 0.894 / 87 % -> 0.893 / 0.867 / 0.909 / 88 %; old held-out and m unchanged. Set p's even half (development)
# 0.660 / 0.680 / 0.819 / 67 % -> 0.660 / 0.694 / 0.819 / 75 %; its odd half, never read, scored once at the end:
# 0.910 / 0.895 / 0.927 / 71 % -> 0.910 / 0.895 / 0.927 / 64 % (one shown paragraph fewer, 9 of 14).
HELDOUT_P = ROOT / "tests" / "data" / "judged_queries_heldout_p.jsonl"
# Set q (40 articles, judged only for its own 24 queries) then joined the corpus; the other sets' judgements do not
# list its articles, so those answering their questions count as misses: old held-out 0.893 / 0.880 / 0.917 / 94 %,
# k 0.907 / 0.851 / 0.901 / 70 %, m 0.874 / 0.847 / 0.876 / 73 %, n 0.893 / 0.866 / 0.909 / 88 %, p 0.785 / 0.817 /
# 0.889 / 69 % (with round 5 and facet round 5 merged). Set q, scored blind once after both rounds 5: 0.879 / 0.881
# / 0.946 / 76 % (PostgreSQL 0.879 / 0.872 / 0.918 / 79 %).
HELDOUT_Q = ROOT / "tests" / "data" / "judged_queries_heldout_q.jsonl"
# Ranking round 6 ("<grade> after <grade>" movements, the grade left shown for a movement naming both, a lone grade
# as the overall grade; mq01 widened to three articles that answer it): m 0.874 / 0.847 -> 0.875 / 0.854 / 0.876 /
# 73 %, p 0.785 / 0.817 / 0.889 / 69 % -> 0.806 / 0.836 / 0.917 / 77 %, k 70 % -> 67 % (kq20 judged the paragraph
# with the grade reached; the one with the grade left is shown), n 0.893 -> 0.883 recall@10 (its floor lowered from
# 0.885: nq31 "rated good in January 2026" loses Haringey's outstanding article, judged 1, to good ones), the rest
# unchanged.
# Set r (40 articles from 34 outlets, judged only for its own 24 queries) then joined the corpus, and the other sets
# lost what r's unjudged articles took: old held-out 0.893 / 0.880 / 0.917 -> 0.886 / 0.846 / 0.845 / 94 %, n 0.883 /
# 0.865 / 0.909 -> 0.868 / 0.846 / 0.889 / 87 %, development 0.854 -> 0.849 recall@10 (with facet round 6 merged).
# Set r, scored blind once after rounds 6: 0.935 / 0.949 / 0.979 / 78 % (PostgreSQL 0.926 / 0.942 / 0.979 / 74 %).
HELDOUT_R = ROOT / "tests" / "data" / "judged_queries_heldout_r.jsonl"
# Ranking round 7 (a named council's stories in other words, movement cue words, lists, "from … to …"; facet round 7
# beside it): q 0.893 / 0.888 / 0.946 -> 0.956 / 0.919 / 0.967 / 80 %, r 0.935 / 0.949 -> 0.971 / 0.956 / 0.979 / 81 %
# (its odd half, never read, scored once: 0.903 / 0.925 / 0.958 -> 0.986 / 0.942 / 0.958), p 0.806 -> 0.833 recall.
# Sets s (33 articles) and t (40) then joined the corpus, judged only for their own queries: development 0.850 /
# 0.827 / 0.933 -> 0.844 / 0.819 / 0.919, old held-out nDCG / MRR 0.846 / 0.845 -> 0.826 / 0.810, k 0.901 / 0.854
# / 0.921 -> 0.896 / 0.836 / 0.893, n 0.874 / 0.848 / 0.889 -> 0.871 / 0.834 / 0.874, p nDCG / MRR 0.847 / 0.917 ->
# 0.828 / 0.896. Sets s and t, scored blind once after rounds 7 (before them, on main's code: s 0.825 / 0.882 /
# 0.950 / 70 %, t 0.903 / 0.942 / 1.000 / 88 %): s 0.933 / 0.919 / 0.950 / 71 %, t 0.986 / 0.966 / 1.000 / 92 %.
HELDOUT_S = ROOT / "tests" / "data" / "judged_queries_heldout_s.jsonl"
HELDOUT_T = ROOT / "tests" / "data" / "judged_queries_heldout_t.jsonl"
# Set u, scored blind once before and once after round 9 (embedded 0.920 / 0.890 / 0.927 / 68 % both times); after the
# two facet fixes made on its misses, 0.920 / 0.895 / 0.958 / 68 %.
HELDOUT_U = ROOT / "tests" / "data" / "judged_queries_heldout_u.jsonl"
# Set v, scored blind once before and once after round 10: 0.854 / 0.779 / 0.800 both times; judged paragraph shown
# 13/22 (59 %) before, 14/22 (64 %) after ranking round 10.
HELDOUT_V = ROOT / "tests" / "data" / "judged_queries_heldout_v.jsonl"
# Sets w, x and y, each scored blind once before and once after its round (11, 12, 13): w 1.000 / 0.883 / 0.893 / 88 %
# both times; x 1.000 / 0.912 / 0.921 / 58 % both times; y 0.981 / 0.907 / 0.908 / 75 % before, 71 % shown after
# ranking round 13 (one paragraph fewer). Floors at the lower of the blind score and today's figure.
HELDOUT_W = ROOT / "tests" / "data" / "judged_queries_heldout_w.jsonl"
HELDOUT_X = ROOT / "tests" / "data" / "judged_queries_heldout_x.jsonl"
HELDOUT_Y = ROOT / "tests" / "data" / "judged_queries_heldout_y.jsonl"
# Set z, scored blind once before round 14 and once after (ranking round 14, the pooling and round 14's facets
# before its score: 0.987 / 0.896 / 0.918 / 74 % both times); facet fixes made after reading z's facet misses then
# lifted it to 0.987 / 0.921 / 0.951 / 70 %. Floors at the lower of the two.
HELDOUT_Z = ROOT / "tests" / "data" / "judged_queries_heldout_z.jsonl"
# Set g, scored blind once after all of round 14 (ranking round 15 merged and scored again: the same): 0.897 / 0.922 /
# 0.964 / 65 % (the session's starting code: 0.887 / 0.894 / 0.923 / 68 %).
HELDOUT_G = ROOT / "tests" / "data" / "judged_queries_heldout_g.jsonl"
# Set f (36 articles, only 8 dated), scored blind once after all of round 14 and ranking round 15: 0.856 / 0.859 /
# 0.926 / 79 %, the same on the session's starting code.
HELDOUT_F = ROOT / "tests" / "data" / "judged_queries_heldout_f.jsonl"
# Set d (40 articles), scored blind once on the session's starting code (0.892 / 0.842 / 0.896 / 83 %) and once after
# round 15 (0.904 / 0.848 / 0.889 / 83 %); set e's articles in the corpus since: nDCG 0.844.
HELDOUT_D = ROOT / "tests" / "data" / "judged_queries_heldout_d.jsonl"
# Set e (40 articles), scored blind once before and once after round 16 (identical: 0.781 / 0.703 / 0.746 / 65 %);
# then "Kingston" alone is the borough (eq03): 0.846 / 0.760 / 0.767 / 68 %.
HELDOUT_E = ROOT / "tests" / "data" / "judged_queries_heldout_e.jsonl"
# Set j (40 articles), scored blind once before and once after rounds 18-19 (0.919 / 0.909 / 0.979, shown 59 % then
# 56 %: ranking round 19's finding rule, taken out after that score, gives 59 % again); pooled (round 19): 0.934 /
# 0.917 / 0.979 / 59 %.
HELDOUT_J = ROOT / "tests" / "data" / "judged_queries_heldout_j.jsonl"
# Set l (43 articles), scored blind once before and once after round 20 (identical: 0.954 / 0.910 / 0.948 / 71 %);
# pooled (round 21): 0.955 / 0.924 / 0.969 / 71 %; round 21's facets (Stockport's and Oldham's grades): nDCG 0.930.
HELDOUT_L = ROOT / "tests" / "data" / "judged_queries_heldout_l.jsonl"
# Set o (40 articles), scored blind once on round 20's final code and once after round 21 (identical: 0.990 / 0.917 /
# 0.958 / 67 %); pooled (round 21): 0.995 / 0.933 / 0.958 / 67 %.
# Set o in the corpus and pooled (round 21): HELDOUT_D's nDCG 0.83 -> 0.825 (0.8298, unchanged by the pooling: with
# o's articles in the corpus the word weights move and in dq11 a judged report (2) drops a place below n30 (0); dq19
# gains o30 (1)); the shown share of HELDOUT_Q 0.76 -> 0.74 (0.75), HELDOUT_R 0.80 -> 0.76
# (0.7692) and HELDOUT_T 0.91 -> 0.89 (0.8929): the pooling reader named answering paragraphs for the o articles judged
# 2 (23 phrases), and for some of them the search shows another paragraph of the same article.
HELDOUT_O = ROOT / "tests" / "data" / "judged_queries_heldout_o.jsonl"
# Set i (42 articles, second of the letter), scored blind on round 21's final code and again after round 22 (0.954 /
# 0.890 -> 0.891 / 0.944 / 61 %: nothing of round 22 reached it); pooled (round 23, its top tens judged in full): 0.958 /
# 0.909 / 0.965 / 59 % (its shown share falls by one pair: the pooling named an answering phrase for a document whose
# shown paragraph is another one of the same article).
HELDOUT_I = ROOT / "tests" / "data" / "judged_queries_heldout_i.jsonl"
# Rounds 30-33: the fresh sets' questions, each scored once blind (aa on round 29's code, ab round 30's, ac and ad
# round 31's, ae and af round 32's, ag round 33's), then development material with their pages pooled into older
# questions; floors are their figures after the latest pooling (docs/search.md).
FRESH = {name: ROOT / "tests" / "data" / f"judged_queries_heldout_{name}.jsonl" for name in ("aa", "ab", "ac", "ad", "ae", "af", "ag")}
# Round 21 (set l in the corpus, pooled; per query with and without l's fixtures in the index, same code):
# HELDOUT_M's recall 0.865 -> 0.86 (0.8634: in mq10 l36 (1) takes the Ofsted memorandum m28's (1) place);
# HELDOUT_U's 0.915 -> 0.91 (0.9120: uq21 gains l40 (2) beyond its ten places); HELDOUT_Y's 0.965 -> 0.955 (0.9579:
# in yq21, "Stockport as improvement partner", Stockport's l27 and l29 (0) rank above judged answers); HELDOUT_G's
# 0.895 -> 0.89 (0.8948: gq24 loses a judged answer to an l article); HELDOUT_R's shown share 0.84 -> 0.80 (0.8065:
# the pooling reader named l04's and l05's opening sentences for rq04, and the search shows another paragraph).
# Round 19 (set j in the corpus, pooled): HELDOUT_N's recall 0.905 -> 0.895 (0.8995: in nq05 j13, judged 0, pushes v38
# (1) out), HELDOUT_W's 0.95 -> 0.945 (0.9478: in wq11 j29 and j24, judged 0, push w13 out), HELDOUT_D's nDCG / MRR
# 0.84 / 0.885 -> 0.83 / 0.865 (0.8309 / 0.8681: in dq08 Enfield's 2015 cabinet minutes r29 (0) now rank above d09
# (2), a change of corpus statistics; round 17's code over the same corpus gives the same figures); HELDOUT_E's nDCG
# and MRR raised to 0.775 / 0.79 (0.7783 / 0.7946 after rounds 18-20).
# Pooled judgements (round 7: each query's unjudged top-10 articles from later sets read and judged, see
# docs/news-devset.md) and ranking round 8 (reactions give way to findings, changes told "since", the named
# council's lift left out of the shown paragraph's choice, movements of nurseries and homes): old held-out 0.931 /
# 0.935 / 1.000 / 100 %, k 0.930 / 0.908 / 1.000 / 67 %, m 0.910 / 0.895 / 0.951 / 82 %, n 0.922 / 0.902 / 0.950 /
# 88 %, p 0.841 / 0.851 / 0.917 / 81 %, r 0.971 / 0.956 / 0.979 / 85 %; s's shown paragraph 71 -> 81 % (round 8 fitted
# on its even half; its odd half, held back, did not move).
# HELDOUT_M's recall 0.905 -> 0.90 and HELDOUT_N's 0.915 -> 0.91 (set v pooled in round 10: 0.9029, 0.9146): relevant
# v articles take top-10 places from judged answers (mq02: v04, v15 in, report-054, p22 out; nq04: v29 in,
# report-035 out); without v the same code gives 0.909 and 0.9154.
# HELDOUT_S's nDCG 0.915 -> 0.91 (set d in the corpus, pooled in round 15, its odd half by the lead: 0.9142; 0.9162
# without d): South Gloucestershire's d04-d07 answer sq01 and take places above the judged s articles.
# Round 16 (set e in the corpus, pooled): HELDOUT's recall 0.91 -> 0.905 (0.9099; 0.9125 without e: in hq04 Kingston's
# 2019 outstanding story e07 (2) takes report-074's (1) place); HELDOUT_Y's 0.97 -> 0.965 (0.9684; 0.9743 without e:
# in yq17 e23 (2) and e24 (1) push out report-050); HELDOUT_N's 0.91 -> 0.905 (0.9086): "Kingston" alone is now
# Kingston upon Thames, and in nq22 ("Achieving for Children Kingston Richmond Windsor and Maidenhead ratings") the
# 2009 round-ups naming Kingston and Richmond rise and push n54 out.
# Round 23 (set i in the corpus and pooled; the headline of a text page chosen past site chrome): HELDOUT's MRR 0.99 ->
# 0.96 (0.9643: k33's first line was its outlet's dateline, so its headline stood as a paragraph and matched hq06
# "council leader apologises after inadequate Ofsted" first; now the headline is the page's title, as every other
# page's is, and k33 falls out of the top five) and shown share 0.95 -> 0.90 (0.9048: the pooling named answering
# paragraphs for i34 and i07, and another paragraph of each is shown); HELDOUT_S's nDCG 0.91 -> 0.90 (0.904) and
# HELDOUT_T's 0.935 -> 0.93 (0.934): the lead judged i articles 2 for sq11, sq17 and tq01 that rank below the judged s
# and t answers; HELDOUT_X's recall 0.995 -> 0.99 (0.9931: two x queries gained i articles judged 1 beyond tenth);
# HELDOUT_Y's recall 0.955 -> 0.915 (0.9163) and nDCG 0.90 -> 0.88 (0.8894): in yq11 ("Blackburn with Darwen council children's home closed after
# inadequate rating") six Blackburn i articles (judged 0) take the top ten from the two judged answers (d25, y18);
# HELDOUT_F's shown 0.78 -> 0.76 (0.7667: the pooling named i41's paragraph for fq20, another is shown).
# Round 25 (shown25's ROUND25_GRADE_ENDS_SENTENCE, "rated ... good." a grade however far the verb): HELDOUT_L's shown
# 0.70 -> 0.67 (0.6765): for lq14 ("Bedford ... good across the board") l21's lede now states the grade and is shown
# before the judged "every judgement is good" paragraph; the same rule shows the judged paragraph for fq17 and gq13.
# Round 30 (shown30's ROUND30_BACKGROUND_MOVEMENT: a movement question naming its starting grade only after "after" asks
# the grade reached): HELDOUT_D's shown 0.82 -> 0.79 (0.7931): for dq01 ("... good after inadequate in 2014") the judged
# paragraph of d01 retells the 2014 grade beside the change, and the lede stating the new grade is now shown; the same
# reading shows the judged paragraph for oq21, oq23, qq01 and xq01 and for five real-text pairs (docs/search.md).
# Round 32: set ad (40 pages) joined the corpus and its 174 unjudged top-10 pairs in older questions were pooled by
# reading (33 judged 2, 52 judged 1, 89 judged 0; notes say "Pooled (round 32, set ad)"). Relevant ad pages take places
# from judged answers where a question has more answers than ten places: HELDOUT's recall 0.905 -> 0.90 (0.902; hq07's
# pooled ad40 enlarges its answers), HELDOUT_M's 0.845 -> 0.835 (0.8377: in mq23 ad34 takes a judged Telford page's
# place), HELDOUT_Q's recall 0.945 -> 0.94 (0.9406) and nDCG 0.915 -> 0.91 (0.9144: qq07's ad37, judged 1, ranks above
# a judged 2), HELDOUT_O's recall 0.975 -> 0.965 (0.9658: oq08's answers grew by ad37, judged 2).
# Then set ae (40 pages, blind until the round's end) joined the corpus and its 133 unjudged top-10 pairs in older
# questions were pooled the same way (15 judged 2, 57 judged 1, 61 judged 0; "Pooled (round 32, set ae)"). Its pages
# take places from judged answers or enlarge the answers beyond ten places: HELDOUT's recall 0.90 -> 0.89 (0.8949) and
# nDCG 0.93 -> 0.92 (0.9292: in hq02 "Tameside ... downgraded" ae24 and ae25, judged 1, rank among the answers),
# HELDOUT_K's recall 0.91 -> 0.905 (0.9096: kq15's answers grew by ae07, kq22's by ae14), HELDOUT_Q's recall 0.94 ->
# 0.93 (0.9323) and nDCG 0.91 -> 0.905 (0.9065: qq09's ae18, judged 1, ranks above judged 2s; in qq11 ae01, judged 0,
# takes a place), HELDOUT_Z's recall 0.96 -> 0.95 (0.9505: zq01, zq02 and zq14 gained relevant ae pages beyond ten).
# Round 33: set af (40 pages, blind until round 32's end) joined the corpus and its 161 unjudged top-10 pairs in older
# questions were pooled (26 judged 2, 79 judged 1, 56 judged 0; "Pooled (round 33, set af)"). Against the corpus
# without af, same code: HELDOUT's recall 0.89 -> 0.88 (0.8839: hq07's and hq09's answers grew by af pages beyond ten),
# HELDOUT_K's 0.905 -> 0.90 (0.9016: in kq23 "Slough ... trust rated requires improvement" af29, judged 2, and af28, judged
# 1, take two judged answers' places), HELDOUT_M's 0.835 -> 0.825 (0.8276: mq07's and mq09's answers grew by af pages beyond ten),
# HELDOUT_N's recall 0.875 -> 0.87 (0.8751) and nDCG 0.88 -> 0.875 (0.8763: in nq19 "first monitoring visit since
# inadequate MASH ..." af05, judged 1, ranks above the judged 2), HELDOUT_P's shown 0.78 -> 0.77 (0.7778: pq14's pooled
# af13 shows another paragraph of the page than the one its phrase marks), HELDOUT_Q's recall 0.93 -> 0.925 (0.9277:
# qq21's answers grew by af12, judged 1, beyond ten), HELDOUT_V's recall 0.94 -> 0.93 (0.9317: vq11's and vq23's
# answers grew by af pages beyond ten), HELDOUT_W's shown 0.84 -> 0.83 (0.8378: wq05's af35 and wq13's af13 show another
# paragraph of the page), HELDOUT_E's recall 0.845 -> 0.84 (0.8411: eq10's and eq14's answers grew by af pages),
# HELDOUT_L's 0.95 -> 0.945 (0.9484: lq24's by af17), and of the fresh sets aa's shown 0.58 -> 0.57 (0.5789: aaq20's af08
# shows another paragraph), ab's recall 0.88 -> 0.87 (0.8736) and shown 0.61 -> 0.60 (0.60: abq07's and abq20's answers
# grew; abq20's af36 and abq22's af28 show another paragraph), ad's recall 0.94 -> 0.93 (0.9325) and nDCG 0.915 -> 0.905
# (0.9053: adq12's and adq13's answers grew; in adq17 af pages judged 1 rank above a judged 2), ae's recall 0.865 ->
# 0.855 (0.859: in aeq10 an af page judged 0 takes a judged Croydon page's place). Round 33's year readings then
# dated af05 2023 (its label; it had read 2022, the inspection's year): HELDOUT_F's recall 0.855 -> 0.845 (0.8489: in
# fq26 "Herefordshire ... inadequate 2022 ..." af05, pooled as 1 while it read 2022, falls out of the ten), and d40
# dated 2008 (its label; an October 2007 named without its day) enters iq24's ten for "... December 2008", judged 0:
# HELDOUT_I's recall 0.95 -> 0.945 (0.9454).
# At round 33's end set ag (40 pages, scored blind once) joined the corpus and its 124 unjudged top-10 pairs in older
# questions were pooled (25 judged 2, 39 judged 1, 60 judged 0; "Pooled (round 33, set ag)"). Against the corpus
# without ag, same code: ag pages judged relevant take judged answers' places or enlarge the answers beyond ten, and
# pages judged 0 take places: HELDOUT's recall 0.88 -> 0.87 (0.872) and nDCG 0.92 -> 0.915 (0.9183: hq09 "Kirklees
# children's services Ofsted" gained ag06-ag08), HELDOUT_K's recall 0.90 -> 0.895 (0.8998: kq23 gained ag22),
# HELDOUT_M's 0.825 -> 0.82 (0.8214: in mq19 an ag page judged 0 takes a place), HELDOUT_N's shown 0.86 -> 0.85
# (0.8571: nq21's pooled ag39 shows another paragraph), HELDOUT_U's recall 0.90 -> 0.895 (0.8966: uq22, an ag page
# judged 0), HELDOUT_X's 0.985 -> 0.98 (0.9815: xq16 gained ag17 and ag19), HELDOUT_Z's 0.95 -> 0.94 (0.9416: zq02 and
# zq03 gained ag09 and ag11), HELDOUT_F's recall 0.845 -> 0.835 (0.8363) and nDCG 0.855 -> 0.85 (0.8547: fq01 gained
# ag24; in fq03 an ag page judged 0 takes a place), HELDOUT_E's recall 0.84 -> 0.835 (0.8366: eq14 gained ag25),
# HELDOUT_O's 0.965 -> 0.96 (0.9628: oq09 gained ag36); of the fresh sets ac's recall 0.945 -> 0.935 (0.936) and nDCG
# 0.94 -> 0.935 (0.9368: acq05 gained ag06), ad's recall 0.93 -> 0.90 (0.9035) and nDCG 0.905 -> 0.895 (0.8983: in
# adq05 and adq06 ag pages judged 0 take places; adq13 gained ag25), ae's recall 0.855 -> 0.825 (0.829: in aeq10 an ag
# page judged 0 takes a place; aeq19 gained ag34). Set ag's own questions: their blind figures, unchanged by the
# pooling (0.9229 / 0.9124 / 1.0 / 0.60).
FORMER_HELDOUT_FLOORS = {HELDOUT: (0.87, 0.915, 0.96, 0.90), HELDOUT_K: (0.895, 0.90, 0.99, 0.66),
                         HELDOUT_M: (0.82, 0.885, 0.93, 0.80), HELDOUT_N: (0.87, 0.875, 0.93, 0.85),
                         HELDOUT_P: (0.835, 0.845, 0.91, 0.77), HELDOUT_Q: (0.925, 0.905, 0.965, 0.74),
                         HELDOUT_R: (0.97, 0.955, 0.975, 0.76), HELDOUT_S: (0.93, 0.90, 0.95, 0.80),
                         HELDOUT_T: (0.985, 0.93, 0.96, 0.89), HELDOUT_U: (0.895, 0.865, 0.925, 0.63),
                         HELDOUT_V: (0.93, 0.88, 0.90, 0.61), HELDOUT_W: (0.945, 0.88, 0.89, 0.83),
                         HELDOUT_X: (0.98, 0.91, 0.92, 0.58), HELDOUT_Y: (0.915, 0.88, 0.90, 0.70),
                         HELDOUT_Z: (0.94, 0.895, 0.915, 0.70), HELDOUT_G: (0.88, 0.895, 0.96, 0.65),
                         HELDOUT_F: (0.835, 0.85, 0.92, 0.76),
                         HELDOUT_D: (0.90, 0.825, 0.865, 0.77), HELDOUT_E: (0.835, 0.775, 0.79, 0.66),
                         HELDOUT_J: (0.905, 0.91, 0.975, 0.59),
                         HELDOUT_L: (0.945, 0.925, 0.965, 0.66),
                         HELDOUT_O: (0.96, 0.93, 0.955, 0.66),
                         HELDOUT_I: (0.945, 0.90, 0.96, 0.59),
                         FRESH["aa"]: (0.915, 0.92, 0.99, 0.57), FRESH["ab"]: (0.87, 0.90, 0.99, 0.60),
                         FRESH["ac"]: (0.935, 0.935, 0.99, 0.77), FRESH["ad"]: (0.90, 0.895, 0.97, 0.74),
                         FRESH["ae"]: (0.825, 0.815, 0.945, 0.79), FRESH["af"]: (0.85, 0.835, 0.955, 0.77),
                         FRESH["ag"]: (0.92, 0.91, 0.99, 0.60)}
# HELDOUT_M's MRR 0.945 -> 0.93 (round 15, subjects15: 0.9506 -> 0.9321): q13's council facet lost Hampshire, the
# Isle of Wight's helper its label never had, so for mq08 ("… partnership with Hampshire") q13 (1) drops from first to
# third behind y21 (0), which names Hampshire as its council; recall and nDCG move by less than 0.001.
# HELDOUT_M's recall 0.90 -> 0.895 (set y, pooled in round 13: 0.8972; 0.9037 without y): in mq01 Bristol's 2023
# story y25 (2) takes x20's place (19 answers for 10 places), in mq24 y27 (1) ranks above c23 (2).
# HELDOUT_M's recall 0.895 -> 0.88 (set z, pooled in round 14: 0.8849; 0.8951 without z and its judgements): mq02's
# z19 takes p22's place and mq19's z21 enters at tenth, pushing m18 out; each new relevant z article also adds to the
# number of answers recall divides by.
# Set f, pooled in round 14, took top-10 places from judged answers (0.9125 / 0.8667 / 0.9743 recall for the old
# held-out file, m and y; 0.9286 / 0.8818 / 0.9826 without f: f17 in hq04, mq02, mq23, yq18; f33 in hq06; f35 in
# hq07 and mq24) and pushed uq02's answer from 4th to 5th (u nDCG 0.8685, 0.8707 without f): HELDOUT recall 0.925 ->
# 0.91, HELDOUT_M 0.88 -> 0.865 (nDCG 0.89 -> 0.885), HELDOUT_U nDCG 0.87 -> 0.865, HELDOUT_Y recall 0.975 -> 0.97.
# HELDOUT_W's recall 0.995 -> 0.95 (set g, pooled in round 14: 0.9531; 1.000 without g): three Northamptonshire g
# articles (g01, g02 judged 1 for wq10 like w14, and g03) push p31 out of wq10, and in wq11 (the fostering decoy)
# the same three, not relevant there, push its only answer w15 below tenth.
# HELDOUT_V raised to its figures after rounds 11-13 (0.948 / 0.889 / 0.904 / 62 %).
# Ranking round 11 moved two shown-paragraph floors down: Q 0.78 -> 0.76 (qq11 "Liverpool care leavers inadequate
# children in care requires improvement" is now read as two areas with two grades, not both inadequate, and shows
# the paragraph for children in care, which answers as well as the judged care leavers one: 24/30 -> 23/30) and V
# 0.63 -> 0.61 ("Stockton" now names Stockton-on-Tees: vq15 and vq16 find their judged documents, 0.854 -> 0.938
# recall, one showing its judged paragraph and one not, so 14/22 -> 15/24 is a lower share).
# HELDOUT_U's nDCG 0.89 -> 0.87, MRR 0.95 -> 0.925 and shown 0.68 -> 0.63 (facet round 10: 0.8955 / 0.9583 / 0.6818
# on main's facet code -> 0.8747 / 0.9306 / 0.6364 over its 24 queries). Children's centres are now settings, so u02
# (a group of Poole children's centres) has no subject council (its label's truth) and the council's lift no longer
# raises it for uq02, the query naming Poole and its centres (nDCG 1.0 -> 0.5); with the round-10 children's-centre
# branch of `provider._SETTING` off, nDCG and MRR return. Cumbria is now u10's second subject (the predecessor "the
# old county council" refers to, its label's truth), and for uq09 the paragraph shown is no longer the judged one
# about that council's history (the only shown value that moved: 15 -> 14 of 22).
# HELDOUT_T's nDCG 0.965 -> 0.935 and MRR 1.0 -> 0.96 (facet round 9, 0.9396 / 0.9643 over all 24 queries): a headline
# grading a council-run children's home now makes t32 a setting story with no subject council (its label's truth), so
# the council's lift no longer raises it for the query naming that council and the home; every other set's queries,
# and t's even ones, are unchanged. Shown with the round-9 switch off (`provider._SETTING_GRADED`), the old figures
# return.
# HELDOUT_M's MRR 0.87 -> 0.85 and nDCG 0.84 -> 0.835 (facet round 6, 0.876 -> 0.858 / 0.847 -> 0.840): under the
# round-6 convention a partner council is no subject, so m32 lost its "Hampshire" facet and mq08 ("… partnership with
# Hampshire") now ranks it second, behind an article of set q's held-back half that still carries a partner facet.
# Floors a little under what best-match search reaches on the 72 development queries over reports, seeds and the
# 164 news fixtures (recall@10 0.884, nDCG@10 0.862, MRR 0.961, judged paragraph shown 84 %, no zero-hit query;
# 0.847 / 0.833 / 0.938 / 69 % before this round's judged-area, council and region understanding).
# Held-out sets k and m (93 articles) joined the corpus; the development judgements are deliberately not extended
# to them, so their articles that answer a development query rank as misses: 0.872 / 0.844 / 0.940 with them.
# Round 31: sets aa and ab (96 pages) joined the corpus and their 416 unjudged top-10 pairs were pooled by reading
# (42 judged 2, 120 judged 1: docs/news-devset.md, "Round 31"); relevant aa/ab pages now take top-10 places from judged
# answers on questions with more answers than places, and aa28 (a 59-row table of every council's 2008 rating) or
# aa29 (a table of south-east councils) reach some one-council questions (judged 0). Floors lowered to the pooled
# figures: K, M, N, Q, U, X, Z, G, J, O, I recall (K 0.9293 -> 0.9145, N 0.896 -> 0.8832, Z 0.9857 -> 0.9668, the
# largest), N and G nDCG (0.9008 -> 0.882, 0.9247 -> 0.9117), N MRR (0.9343), D shown 0.79 -> 0.77 (0.7742: aa26,
# judged 2 for dq21, shows another paragraph than the pooled one), L shown 0.67 -> 0.66 (0.6667: ab26 for lq01 likewise).
# Then set ac (50 pages) joined too, its 231 top-10 pairs pooled the same way (27 judged 2, 71 judged 1): M, N, U, Z, J
# recall (J 0.9297 -> 0.9051: in jq10 ac32, a parliamentary list of the 43 councils rated inadequate since 2010, judged
# 0, and in jq24 ac23 take judged answers' places; ac32 does the same in q10, q26, gq02), G, J, I nDCG (G 0.9117 ->
# 0.8987: gq17 meets two Kirklees visit pages), P shown 0.80 -> 0.78 (0.7879: pq12's pooled ac49 shows another
# paragraph than the pooled phrase).
# Set n's articles in the corpus too (unjudged for these queries): 0.854 / 0.823 / 0.922 / 94 %.
# Set p's articles in the corpus too: 0.847 / 0.813 / 0.907 / 93 %.
# Round 6: 0.843 / 0.817 / 0.915 / 93 % -> 0.854 / 0.828 / 0.927 / 98 % (q04's lone grade as the overall grade; q72's
# shown paragraph tells the grade left; q57 widened to five articles that answer it, checked against the outcomes).
FLOOR_RECALL = 0.80  # 0.81 -> 0.80 after set af, pooled (round 33: 0.8070; 0.8148 without af: in q10 and q55 af pages judged 1 take judged answers' places, q23, q26, q32 and q65 gained relevant af pages beyond ten); 0.82 -> 0.81 after set ae, pooled (round 32: 0.8148; in q24 'CIN teams Isle of Wight' ae18, judged 0, takes a place; q38, q39 and q51 gained relevant ae pages beyond ten); 0.83 -> 0.82 after set ad, pooled (round 32: 0.8232; its pages judged relevant in questions with more answers than ten places: q01-style round-ups, q51, q62); 0.845 -> 0.83 after sets aa, ab and ac, pooled (round 31: 0.8371 with aa and ab, 0.8312 with ac too; 0.8465 without them); 0.85 -> 0.845 after set o (0.8487: 0.852 before o joined the corpus, 0.847 with it unjudged, 0.849 pooled); 0.855 -> 0.85 after set e, pooled (0.8547; 0.8558 without e: relevant e articles take judged
# answers' places on queries with more answers than places: q15 e22, e08 in, q26, x36 out; q32 e04 in, v35 out; q39
# e23, e24 in, y21 out; q59 e24 in, g08 out). 0.86 -> 0.855 after set f, pooled (0.8587; 0.8648 without f: relevant f articles take judged
# answers' places, f17 in q13, f06 in q03; not relevant ones push answers out, f25 in q11, f02 and f18 in q32).
# 0.865 -> 0.86 after set g, pooled (0.8648; 0.8685 without g: q04, q11, q15, q42, q57 each lose a
# judged answer to a relevant g article; in q07 g32, a children's home, ranks first). 0.871 -> 0.865 in round 14 (set z pooled: 0.8685; 0.8716 without z): relevant z articles take
# top-10 places from judged answers (q01 z29, q07 z19, q11 z36, q15 z26, q62 z09 in; m01, v08, w02, x35, p09 out).
# 0.849 with set r's unjudged articles in the corpus; 0.844 with sets s and t's; 0.886 pooled
# 0.88 -> 0.875 (set v, pooled in round 10: 0.8763): relevant v articles take top-10 places from judged answers on
# queries with more answers than places (q07 'outstanding 2022': 1.0 -> 0.78); without v the same code gives 0.882
# 0.875 -> 0.874 (years round 11: 0.8748): with ten pages' years corrected, q07 'outstanding 2022' meets an unjudged
# North Lincolnshire 2022 'outstanding across the board' page (p23) at 6th, pushing a judged Merton page to 11th
# (0.78 -> 0.67); q49 'councils rated poor 2010' meets three unjudged, relevant 2010 annual-rating round-ups
# 0.875 -> 0.87 (facets round 11: 0.8763 -> 0.8737): v37, Herefordshire moving out of inadequate to requires
# improvement, now carries the record's 'requires improvement' and enters q59's top 10 ('which councils moved out of
# inadequate to requires improvement'), an answer to it that q59 does not judge, taking a judged answer's place
# 0.87 -> 0.874: the lead pooled those (p23 2 for q07; r37 2, n35 2, q34 1 for q49; v37 1 for q59): 0.8746, below the
# old 0.875 because q49's three new answers cannot all rank in its top 10 beside its five judged ones
# 0.874 -> 0.873 (set x, pooled in round 12: 0.8733; 0.8746 without x): q15 'Haringey Baby P' meets two relevant x
# articles (x36 2, x35 1) and now has 15 answers for 10 places, so two judged 1s (k01, a19) drop below 10th
# 0.873 -> 0.871 (set y, pooled in round 13: 0.8716; 0.8733 without y): in q23, q51 and q60 the relevant y17, y13 and
# y23 push out n11, q37 and u35, judged answers
FLOOR_NDCG = 0.86  # 0.865 -> 0.86 in round 33 (0.8645: q06 "inadequate 2014" gained ae21, a 2014 round-up of five inadequate councils the round-up year reading dated, judged 2 on reading: the answers outgrow the ten places; before, af's pooling had taken it to 0.8653); 0.87 -> 0.865 after set i (round 23: 0.8697; 0.865 with i in the corpus unjudged, 0.870 pooled: new relevant i
# articles judged 1-2 below tenth place add to the ideal ranking); round 4: 0.820 (reports judging "children in care and care leavers" jointly now reach
# care-leavers questions; q03 and q57's judgements list few of them); 0.819 with sets s and t's articles; 0.878 pooled
FLOOR_MRR = 0.965  # 0.919 with sets s and t's articles; 0.972 pooled (round 7's pooled judgements)
FLOOR_PARAGRAPH = 0.88  # 0.90 -> 0.88 after set ag, pooled (round 33: 0.8861: for q08's ag33 and q23's ag26, pooled 2 with their phrases, another paragraph of the page is shown); 0.91 -> 0.90 after set af, pooled (round 33: 0.9079: for q10's and q28's af09 another paragraph of the page is shown than the pooled phrase marks); 0.945 -> 0.91 after set ad, pooled (round 32: 0.913 of 69: the pooling named 13 ad paragraphs; for q02's ad40, q55's ad27 and q68's ad10 another paragraph of the page is shown); 0.95 -> 0.945 after set ac, pooled (round 31: 0.9464: q04's pooled ac46 shows another paragraph than its phrase); 94 % since the shown paragraph is the one answering (search/answer.py); 84 % before
# Ranking round 3 (numbers, tallies, areas against the overall grade, council names): 0.872 / 0.840 / 0.933 / 94 %;
# set m's Darlington article now carries its outstanding care leavers grade and answers q57, which its judgements do
# not list (nDCG 0.843 -> 0.840, MRR 0.940 -> 0.933).
CEILING_ZERO_HIT = 0

RELEVANT = {"a": 2, "b": 1, "c": 1}


def test_recall_counts_relevant_documents_in_the_top_k():
    assert recall_at(["a", "x", "c"], RELEVANT) == pytest.approx(2 / 3)
    assert recall_at(["x", "y"], RELEVANT) == 0.0
    assert recall_at(["x"] * 10 + ["a"], RELEVANT, k=10) == 0.0  # beyond the cutoff


def test_reciprocal_rank_is_the_first_relevant_of_any_grade():
    assert reciprocal_rank(["x", "b", "a"], RELEVANT) == 0.5
    assert reciprocal_rank(["a"], RELEVANT) == 1.0
    assert reciprocal_rank(["x", "y"], RELEVANT) == 0.0


def test_dcg_uses_exponential_gain_and_log2_discount():
    assert dcg([2, 0, 1]) == pytest.approx(3 / math.log2(2) + 0 + 1 / math.log2(4))
    assert dcg([]) == 0.0


def test_ndcg_exact_values():
    assert ndcg_at(["a", "b", "c"], RELEVANT) == pytest.approx(1.0)
    ideal = 3 + 1 / math.log2(3) + 1 / math.log2(4)
    assert ndcg_at(["b", "a", "x", "c"], RELEVANT) == pytest.approx((1 + 3 / math.log2(3) + 1 / math.log2(5)) / ideal)
    assert ndcg_at(["x"], RELEVANT) == 0.0
    assert ndcg_at(["a", "a"], {"a": 2}) == pytest.approx(1.0 + 3 / math.log2(3) / 3)  # callers must dedupe


def test_evaluation_means_zero_hit_and_weak_lists():
    q1 = JudgedQuery("q1", "one", {"a": 2, "b": 1})
    q2 = JudgedQuery("q2", "two", {"c": 2})
    q3 = JudgedQuery("q3", "three", {"d": 1, "e": 1, "f": 2})
    evaluation = QueryEvaluation("f", "i", [
        QueryOutcome(q1, ["a", "b"], 2, 1.0, 1.0, 1.0),
        QueryOutcome(q2, [], 0, 0.0, 0.0, 0.0),
        QueryOutcome(q3, ["x", "d"], 2, 1 / 3, 0.2, 0.5),
    ])
    assert evaluation.mean("recall") == pytest.approx((1 + 0 + 1 / 3) / 3)
    assert evaluation.mean("reciprocal_rank") == pytest.approx(0.5)
    assert [o.judged.id for o in evaluation.zero_hit] == ["q2"]
    assert [o.judged.id for o in evaluation.weak] == ["q3"]
    assert evaluation.outcomes[2].missed == ["e", "f"]
    text = format_query_report(evaluation)
    assert "'two'" in text and "x [0], d [1]" in text and "missed: e, f" in text


def test_load_judged_rejects_bad_grades(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "q", "query": "x", "relevant": {"a.txt": 3}}) + "\n")
    with pytest.raises(ValueError, match="bad.jsonl:1"):
        load_judged(bad)


def test_judged_file_is_well_formed():
    queries = load_judged(JUDGED)
    assert len(queries) >= 45
    assert len({q.id for q in queries}) == len(queries) and len({q.query for q in queries}) == len(queries)
    local = {p.name for p in SEEDS.iterdir()} | {p.name for p in NEWS.iterdir()}
    for q in queries:
        assert q.query.strip() and q.note and q.kind, q.id
        assert set(q.relevant.values()) <= {1, 2} and 2 in q.relevant.values(), q.id
        for doc in q.relevant:
            if doc.startswith("report-"):
                assert re.fullmatch(r"report-\d{3}\.pdf", doc) and doc != "report-010.pdf", (q.id, doc)
                assert not REPORTS.is_dir() or (REPORTS / doc).is_file(), (q.id, doc)
            else:
                assert doc in local, (q.id, doc)


def test_judged_set_covers_the_kinds_of_query_people_type():
    kinds = {q.kind for q in load_judged(JUDGED)}
    assert {"question", "council+topic", "grade+year", "abbreviation", "misspelling", "phrase",
            "no council in paragraph"} <= kinds


@pytest.mark.reports
def test_judged_queries_over_reports_seeds_and_news(reports_index):
    evaluation = evaluate_queries(reports_index, JUDGED)
    s = evaluation.summary()
    print("\n" + format_query_report(evaluation))
    figures = f"recall@10 {s['recall@10']} nDCG@10 {s['ndcg@10']} MRR {s['mrr']} zero-hit {s['zero_hit']}"
    assert s["queries"] >= 65
    assert s["recall@10"] >= FLOOR_RECALL, figures
    assert s["ndcg@10"] >= FLOOR_NDCG, figures
    assert s["mrr"] >= FLOOR_MRR, figures
    assert s["zero_hit"] <= CEILING_ZERO_HIT, figures
    assert s["paragraphs_judged"] >= 20 and s["paragraph_shown"] >= FLOOR_PARAGRAPH, figures
    # A query the current engine answers well stays answered: the two Leeds outstanding articles and the report.
    leeds = next(o for o in evaluation.outcomes if o.judged.id == "q41")
    assert leeds.recall == 1.0


@pytest.mark.reports
@pytest.mark.parametrize("queries", list(FORMER_HELDOUT_FLOORS), ids=lambda path: path.stem)
def test_former_held_out_sets_over_reports_seeds_and_news(reports_index, queries):
    s = evaluate_queries(reports_index, queries).summary()
    recall, ndcg, mrr, paragraph = FORMER_HELDOUT_FLOORS[queries]
    figures = f"recall@10 {s['recall@10']} nDCG@10 {s['ndcg@10']} MRR {s['mrr']} shown {s['paragraph_shown']}"
    assert s["recall@10"] >= recall and s["ndcg@10"] >= ndcg and s["mrr"] >= mrr, figures
    assert s["zero_hit"] == 0 and s["paragraph_shown"] >= paragraph, figures


@pytest.mark.reports
def test_evaluate_queries_command(runner, reports_index, tmp_path):
    result = runner.invoke(main, ["evaluate", "--queries", str(JUDGED), "--index", str(reports_index), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["summary"]["queries"] == len(data["queries"]) >= 45
    assert {"recall@10", "ndcg@10", "mrr", "zero_hit"} <= set(data["summary"])
    # The text report's shape, on the first few judged queries (the whole set is evaluated above and in the test
    # before: a third evaluation of it cost ~1.5 s and checked nothing more).
    few = tmp_path / "few.jsonl"
    few.write_text("".join(JUDGED.read_text(encoding="utf-8").splitlines(keepends=True)[:5]), encoding="utf-8")
    text = runner.invoke(main, ["evaluate", "--queries", str(few), "--index", str(reports_index)]).output
    assert "recall@10" in text and "Zero-hit queries" in text


def test_evaluate_queries_without_an_index_is_a_clear_error(runner, tmp_path):
    result = runner.invoke(main, ["evaluate", "--queries", str(JUDGED), "--index", str(tmp_path / "none")])
    assert result.exit_code != 0 and "no index" in result.output


def test_paragraph_judgements_name_judged_documents_and_phrases(tmp_path):
    """A 'paragraphs' entry must name a judged document and give it at least one phrase."""
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "x", "query": "q", "relevant": {"a.txt": 2}, "paragraphs": {"b.txt": ["p"]}}))
    with pytest.raises(ValueError, match="paragraphs"):
        load_judged(bad)
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"id": "x", "query": "q", "relevant": {"a.txt": 2}, "paragraphs": {"a.txt": ["p"]}}))
    assert load_judged(good)[0].paragraphs == {"a.txt": ["p"]}


def test_judged_set_has_80_queries_with_a_held_out_part():
    dev, held = load_judged(JUDGED), load_judged(HELDOUT)
    assert len(dev) + len(held) >= 80 and len(held) >= 10
    assert not {q.id for q in dev} & {q.id for q in held}
    assert sum(len(q.paragraphs) for q in dev + held) >= 40


def test_paragraph_share_is_counted_over_returned_judged_documents():
    judged = JudgedQuery("q", "x", {"a": 2, "b": 2}, paragraphs={"a": ["p"], "b": ["p"]})
    outcome = QueryOutcome(judged, ["a", "b"], 2, 1.0, 1.0, 1.0, shown={"a": True, "b": False})
    evaluation = QueryEvaluation("f", "i", [outcome])
    assert evaluation.paragraph_share() == (1, 2)
    assert evaluation.summary()["paragraph_shown"] == 0.5
    assert "judged paragraph shown 1/2" in format_query_report(evaluation)
