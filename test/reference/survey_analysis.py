"""Writes survey_analysis.json: expected values of itemValidity and the class tests.

Run from the project root: python3 test/reference/survey_analysis.py > test/reference/survey_analysis.json
"""
import json
import numpy as np
from scipy import stats

rng = np.random.default_rng(7)
n = 80
fa = rng.standard_normal(n)
fb = rng.standard_normal(n)
def item(f, load=0.8):
    y = load * f + np.sqrt(1 - load**2) * rng.standard_normal(n)
    return np.clip(np.round(3 + 1.1 * y), 1, 5).astype(int)
A1, A2, B1, B2, B3 = item(fa), item(fa), item(fb), item(fb), item(fb)
A3raw = item(fa)           # worded against its indicator: the file stores 6 - answer
A3 = 6 - A3raw
A4 = item(fb)              # declared in dimension "a" but driven by factor b
columns = ["A1", "A2", "A3", "A4", "B1", "B2", "B3"]
X = np.column_stack([A1, A2, A3, A4, B1, B2, B3]).astype(float)
values = X.astype(int).tolist()
values[5][1] = None        # one missing answer: that row is left out

Xc = X.copy(); Xc[:, 2] = 6 - Xc[:, 2]   # recode the reverse-worded item
Xc = np.delete(Xc, 5, axis=0)
m = len(Xc)
R = np.corrcoef(Xc, rowvar=False)
Ri = np.linalg.inv(R)
Q = -Ri / np.sqrt(np.outer(np.diag(Ri), np.diag(Ri)))
off = ~np.eye(len(R), dtype=bool)
r2 = (R**2 * off); q2 = (Q**2 * off)
kmo = r2.sum() / (r2.sum() + q2.sum())
msa = r2.sum(1) / (r2.sum(1) + q2.sum(1))
p = len(R)
chi = -(m - 1 - (2 * p + 5) / 6) * np.log(np.linalg.det(R))
df = p * (p - 1) / 2
pval = stats.chi2.sf(chi, df)
ev, vec = np.linalg.eigh(R)
order = np.argsort(ev)[::-1]; ev = ev[order]; vec = vec[:, order]
k = int((ev > 1).sum())
L = vec[:, :k] * np.sqrt(ev[:k])

def varimax(L, tol=1e-14, it=10000):
    h = np.sqrt((L**2).sum(1)); Z = L / h[:, None]
    p, k = Z.shape; T = np.eye(k)
    for _ in range(it):
        Y = Z @ T
        B = Z.T @ (Y**3 - Y * (Y**2).sum(0) / p)
        u, s, vt = np.linalg.svd(B); Tn = u @ vt
        if np.abs(Tn - T).max() < tol: T = Tn; break
        T = Tn
    return L @ T
Lr = varimax(L)
ss = (Lr**2).sum(0); Lr = Lr[:, np.argsort(-ss, kind="stable")]
for c in range(k):
    j = np.argmax(np.abs(Lr[:, c]))
    if Lr[j, c] < 0: Lr[:, c] *= -1
dims = ["a", "a", "a", "a", "b", "b", "b"]
comp_dim = []
for c in range(k):
    sums = {d: sum(Lr[i, c]**2 for i in range(p) if dims[i] == d) for d in ["a", "b"]}
    comp_dim.append(max(sums, key=sums.get))
main = np.argmax(np.abs(Lr), axis=1)
flagged = [comp_dim[main[i]] != dims[i] for i in range(p)]

# class tests: scores of four classes (one empty) and a profile variable with a gap
groups = {
    "partners": rng.normal(0.7, 0.10, 35).round(4),
    "growers": rng.normal(0.6, 0.12, 31).round(4),
    "atRisk": np.array([], float),
    "transactional": rng.normal(0.4, 0.20, 40).round(4),
}
labels = []; scores = []
for name in ["transactional", "partners", "growers"]:
    for v in groups[name]:
        labels.append(name); scores.append(float(v))
order = rng.permutation(len(labels))
labels = [labels[i] for i in order]; scores = [scores[i] for i in order]
g = [np.array([s for s, l in zip(scores, labels) if l == c]) for c in ["partners", "growers", "transactional"]]
lev_med = stats.levene(*g, center="median"); lev_mean = stats.levene(*g, center="mean")
f = stats.f_oneway(*g); kw = stats.kruskal(*g)
grand = np.concatenate(g); eta2 = sum(len(x) * (x.mean() - grand.mean())**2 for x in g) / ((grand - grand.mean())**2).sum()
gender = [["female", "male", "not stated"][int(i)] for i in rng.integers(0, 3, len(labels))]
for i in range(0, len(labels), 17): gender[i] = None
cats = ["female", "male", "not stated"]
tab = np.array([[sum(1 for l, s in zip(labels, gender) if l == c and s == cat) for cat in cats]
                for c in ["partners", "growers", "transactional"]])
chi2, cp, cdf, expected = stats.chi2_contingency(tab, correction=False)
V = np.sqrt(chi2 / (tab.sum() * (min(tab.shape) - 1)))

out = {
  "source": "numpy " + np.__version__ + ", scipy " + __import__("scipy").__version__,
  "validity": {
    "columns": columns, "values": values, "n": m,
    "kmo": kmo, "msa": msa.tolist(), "bartlett": {"chiSquare": chi, "df": df, "p": pval},
    "eigenvalues": ev.tolist(), "components": k, "rotated": Lr.tolist(),
    "componentDimensions": comp_dim, "main": main.tolist(), "flagged": flagged,
  },
  "classes": {
    "labels": labels, "scores": scores, "gender": gender,
    "leveneMedian": {"statistic": lev_med.statistic, "p": lev_med.pvalue},
    "leveneMean": {"statistic": lev_mean.statistic, "p": lev_mean.pvalue},
    "anova": {"f": f.statistic, "p": f.pvalue, "etaSquared": eta2},
    "kruskal": {"h": kw.statistic, "p": kw.pvalue, "epsilonSquared": kw.statistic / (len(grand) - 1)},
    "chiSquare": {"table": tab.tolist(), "chiSquare": chi2, "df": cdf, "p": cp, "cramersV": V,
                   "minExpected": expected.min(), "cellsBelow5": int((expected < 5).sum())},
  },
}
print(json.dumps(out))
