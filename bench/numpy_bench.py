"""Times numpy versions of the benchmark cases on the data that bench/run.ts wrote.

The JSON spec (argv[1]) names the data file (float64, row-major, rows x 20), the sizes, the
cases and the inputs that some cases need: weights, weight draws and the k-means result of
lib/. The JSON report (argv[2]) holds the wall and CPU times of every run and the results to
compare.
Arrays longer than 64 values go to float64 files beside the report.
"""

import ctypes
import json
import os
import sys
import time

import numpy as np


def minmax(x, cost):
    low = x.min(axis=0)
    high = x.max(axis=0)
    span = high - low
    scaled = np.where(cost, high - x, x - low)
    with np.errstate(invalid="ignore", divide="ignore"):
        scaled = np.where(span > 0, scaled / np.where(span > 0, span, 1), 0.0)
    return scaled


def entropy_weights(x, cost):
    z = minmax(x, cost)
    p = z / z.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        plogp = np.where(p > 0, p * np.log(p), 0.0)
    e = -plogp.sum(axis=0) / np.log(x.shape[0])
    d = 1 - e
    return {"weights": d / d.sum()}


def critic_weights(x, cost):
    z = minmax(x, cost)
    sd = z.std(axis=0, ddof=1)
    r = np.corrcoef(z, rowvar=False)
    c = sd * (1 - r).sum(axis=0)
    return {"weights": c / c.sum()}


def pca_weights(x, cost):
    r = np.corrcoef(np.where(cost, -x, x), rowvar=False)
    values, vectors = np.linalg.eigh(r)
    order = np.argsort(-values, kind="stable")
    values, vectors = values[order], vectors[:, order]
    kept = max(1, int((values > 1).sum()))
    u = vectors[:, :kept]
    largest = np.argmax(np.abs(u), axis=0)
    u = u * np.sign(u[largest, np.arange(kept)])
    a = u @ values[:kept] / values[:kept].sum()
    return {"weights": np.abs(a) / np.abs(a).sum(), "eigenvalues": values}


def cronbach(x):
    k = x.shape[1]
    total = x.sum(axis=1)
    variances = x.var(axis=0, ddof=1)
    alpha = k / (k - 1) * (1 - variances.sum() / total.var(ddof=1))
    rest = total[:, None] - x
    rest_var = rest.var(axis=0, ddof=1)
    if_deleted = (k - 1) / (k - 2) * (1 - (variances.sum() - variances) / rest_var)
    xc = x - x.mean(axis=0)
    rc = rest - rest.mean(axis=0)
    item_total = (xc * rc).sum(axis=0) / np.sqrt((xc**2).sum(axis=0) * (rc**2).sum(axis=0))
    r = np.corrcoef(x, rowvar=False)
    mean_r = (r.sum() - k) / (k * (k - 1))
    standardized = k * mean_r / (1 + (k - 1) * mean_r)
    return {
        "alpha": [alpha],
        "alphaIfDeleted": if_deleted,
        "itemTotal": item_total,
        "standardizedAlpha": [standardized],
    }


class Scorer:
    """Side scores, coupling coordination and classes from normalised columns."""

    def __init__(self, spec):
        self.crv = np.array([side == "crv" for side in spec["sides"]])
        self.dimension = np.array(spec["dimensionOf"])
        self.cost = np.array([d == "cost" for d in spec["directions"]])

    def sides(self, z, w):
        return z[:, self.crv] @ w[self.crv], z[:, ~self.crv] @ w[~self.crv]

    def dimensions(self, z, w):
        scores = []
        for d in range(self.dimension.max() + 1):
            member = self.dimension == d
            total = w[member].sum()
            local = w[member] / total if total > 0 else np.zeros(member.sum())
            scores.append(z[:, member] @ local)
        return scores

    @staticmethod
    def coupling(u1, u2):
        total = u1 + u2
        with np.errstate(invalid="ignore", divide="ignore"):
            c = np.where(total == 0, 0.0, 2 * np.sqrt(u1 * u2) / np.where(total == 0, 1, total))
        t = 0.5 * u1 + 0.5 * u2
        return c, t, np.sqrt(c * t)

    @staticmethod
    def classes(u1, u2):
        high_x = u1 >= u1.mean()
        high_y = u2 >= u2.mean()
        # Codes in display order: partners, growers, at-risk valuables, transactional.
        return np.where(high_y, np.where(high_x, 0, 2), np.where(high_x, 1, 3))

    def score(self, x, w):
        z = minmax(x, self.cost)
        u1, u2 = self.sides(z, w)
        dims = self.dimensions(z, w)
        c, t, d = self.coupling(u1, u2)
        return {"crv": u1, "hrv": u2, "d": d, "dimensions": np.column_stack(dims).ravel()}

    def rescore(self, z, w):
        u1, u2 = self.sides(z, w)
        c, t, d = self.coupling(u1, u2)
        return {"crv": u1, "hrv": u2, "d": d, "classes": self.classes(u1, u2)}


def average_ranks(a):
    sorter = np.argsort(a, kind="mergesort")
    inverse = np.empty(sorter.size, dtype=np.intp)
    inverse[sorter] = np.arange(sorter.size)
    ordered = a[sorter]
    first = np.r_[True, ordered[1:] != ordered[:-1]]
    dense = np.cumsum(first)[inverse]
    bounds = np.r_[np.nonzero(first)[0], first.size]
    return 0.5 * (bounds[dense] + bounds[dense - 1] + 1)


def sensitivity(scorer, z, base_weights, draws):
    u1, u2 = scorer.sides(z, base_weights)
    base_classes = scorer.classes(u1, u2)
    base_ranks = average_ranks(scorer.coupling(u1, u2)[2])
    keep = np.empty(len(draws))
    rho = np.empty(len(draws))
    for k, w in enumerate(draws):
        u1, u2 = scorer.sides(z, w)
        keep[k] = (scorer.classes(u1, u2) == base_classes).mean()
        rho[k] = np.corrcoef(base_ranks, average_ranks(scorer.coupling(u1, u2)[2]))[0, 1]
    return {"keepShare": keep, "rankCorrelation": rho}


def kmeans(x, k, restarts, max_iterations, rng):
    """k-means++ seeding and Lloyd iterations until no label changes; the best inertia."""
    n = x.shape[0]
    norms = (x**2).sum(axis=1)
    best = None
    for _ in range(restarts):
        iterations = 0
        centres = [x[rng.integers(n)]]
        nearest = ((x - centres[0]) ** 2).sum(axis=1)
        for _ in range(1, k):
            centre = x[rng.choice(n, p=nearest / nearest.sum())]
            centres.append(centre)
            nearest = np.minimum(nearest, ((x - centre) ** 2).sum(axis=1))
        centres = np.array(centres)
        labels = None
        for _ in range(max_iterations):
            iterations += 1
            distances = norms[:, None] - 2 * x @ centres.T + (centres**2).sum(axis=1)
            new_labels = distances.argmin(axis=1)
            if labels is not None and np.array_equal(new_labels, labels):
                break
            labels = new_labels
            members = (labels[:, None] == np.arange(k)).astype(np.float64)
            centres = (members.T @ x) / np.maximum(members.sum(axis=0), 1)[:, None]
        inertia = ((x - centres[labels]) ** 2).sum()
        if best is None or inertia < best[0]:
            best = (inertia, labels, centres, iterations)
    return best


def check_kmeans(x, centroids, labels):
    """Checks that lib's clustering is a fixed point of Lloyd's algorithm, with its inertia."""
    k = centroids.shape[0]
    distances = np.column_stack([((x - centre) ** 2).sum(axis=1) for centre in centroids])
    means = np.array([x[labels == c].mean(axis=0) for c in range(k)])
    return {
        "inertia": [((x - centroids[labels]) ** 2).sum()],
        "labelChanges": [int((distances.argmin(axis=1) != labels).sum())],
        "centroids": means.ravel(),
    }


def timed(plan, run, warmup_run=None):
    """Runs by the plan; returns wall and CPU seconds of each timed run and the last result."""
    for _ in range(plan["warmup"]):
        (warmup_run or run)()
    times = []
    cpu_times = []
    result = None
    while True:
        start = time.perf_counter()
        cpu_start = time.process_time()
        result = run()
        times.append(time.perf_counter() - start)
        cpu_times.append(time.process_time() - cpu_start)
        if len(times) >= plan["maxReps"] or sum(times) + times[-1] > plan["budget"]:
            break
    return times, cpu_times, result


def blas_info():
    info = {"numpy": np.__version__, "threads": None, "core": None}
    try:
        blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
        info["blas"] = f"{blas.get('name')} {blas.get('version')}"
    except Exception as error:  # numpy < 1.26 has no mode="dicts"
        info["blas"] = f"unknown ({error})"
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if "openblas" in line.lower()}
    for path in paths:
        lib = ctypes.CDLL(path)
        for prefix in ("scipy_openblas_", "openblas_"):
            for suffix in ("64_", ""):
                core = getattr(lib, f"{prefix}get_corename{suffix}", None)
                threads = getattr(lib, f"{prefix}get_num_threads{suffix}", None)
                if core is not None and threads is not None:
                    core.restype = ctypes.c_char_p
                    info["core"] = core().decode()
                    info["threads"] = threads()
    return info


def save(results, directory, name):
    out = {}
    for key, value in results.items():
        array = np.asarray(value, dtype=np.float64).ravel()
        if array.size <= 64:
            out[key] = array.tolist()
        else:
            path = os.path.join(directory, f"numpy-{name}-{key}.f64")
            array.tofile(path)
            out[key] = {"file": path, "length": int(array.size)}
    return out


def main():
    with open(sys.argv[1]) as file:
        spec = json.load(file)
    columns = spec["columns"]
    everything = np.fromfile(spec["data"], dtype=np.float64).reshape(-1, columns)
    cost = np.array([d == "cost" for d in spec["directions"]])
    scorer = Scorer(spec)
    report = {"machine": blas_info(), "results": {}}
    directory = os.path.dirname(sys.argv[2])

    for size_key, size_spec in spec["sizes"].items():
        x = np.ascontiguousarray(everything[: int(size_key)])
        plan = size_spec["plan"]
        weights = np.array(size_spec["weights"])
        z = minmax(x, cost)
        runs = {
            "entropy": lambda: entropy_weights(x, cost),
            "critic": lambda: critic_weights(x, cost),
            "scores": lambda: scorer.score(x, weights),
            "pca": lambda: pca_weights(x, cost),
            "cronbach": lambda: cronbach(x),
        }
        if "kmeans" in size_spec:
            km = size_spec["kmeans"]
            rng = np.random.default_rng(1)
            runs["kmeans"] = lambda: kmeans(x, km["k"], km["restarts"], km["maxIterations"], rng)
        if "sensitivity" in size_spec:
            draws = np.fromfile(size_spec["sensitivity"]["draws"]).reshape(-1, columns)
            runs["sensitivity"] = lambda: sensitivity(scorer, z, weights, draws)
        if "rescore" in size_spec:
            new_weights = np.array(size_spec["rescore"]["weights"])
            runs["rescore"] = lambda: scorer.rescore(z, new_weights)

        for case in size_spec["cases"]:
            times, cpu_times, result = timed(plan, runs[case])
            info = {}
            if case == "kmeans":
                info["iterations"] = result[3]
                centroids = np.fromfile(km["centroids"]).reshape(km["k"], columns)
                labels = np.fromfile(km["labels"], dtype=np.int32)
                result = check_kmeans(x, centroids, labels)
            name = f"{case}-{size_key}"
            values = save(result, directory, name)
            report["results"][name] = {
                "times": times,
                "cpuTimes": cpu_times,
                "values": values,
                "info": info,
            }
            print(f"numpy {name}: median {np.median(times) * 1000:.1f} ms", file=sys.stderr)

    with open(sys.argv[2], "w") as file:
        json.dump(report, file)


if __name__ == "__main__":
    main()
