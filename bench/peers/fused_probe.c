/*
 * A fused C probe of bench/compare's two jobs (closed_form_peer.py describes them): the same float64 arithmetic
 * per particle in one pass, with no particles-by-data matrix, parallel over particles with OpenMP. It bounds what
 * a host kernel can reach on this machine.
 *
 *   demo: per particle, the logits of docs/science.md 3.2 against 2,000 points in chunks, a running max, exp and
 *         the weighted sums, then the DDPM update (2.1) with a counter-hashed Box-Muller draw;
 *   gmm:  per step, each component's 2x2 inverse and log-determinant (3.1); per particle, the responsibilities
 *         and the posterior mean, then the DDIM update (2.2).
 *
 * Build: cc -O3 -march=native -fopenmp fused_probe.c -lm.  Run: fused_probe demo|gmm PARTICLES [REPEATS [STEPS]].
 * Prints "<job> probe threads=<n> particles=<N> particle-steps/s <rate>" (median of REPEATS after one warm-up);
 * STEPS > 0 runs the first STEPS steps only (every step costs the same). Threads: OMP_NUM_THREADS.
 */
#include <math.h>
#include <omp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_DATA 2000
#define CHUNK 256

static uint64_t mix64(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* Two standard normals keyed by (particle, step), as diffusim's counter-based noise draws them. */
static void gaussian_pair(uint64_t particle, int step, double *z0, double *z1) {
    uint64_t key = mix64(mix64(particle * 0x9E3779B97F4A7C15ULL) ^ ((uint64_t) step * 0xD1B54A32D192ED03ULL));
    double u1 = 1.0 - (mix64(key) >> 11) * 0x1.0p-53;
    double u2 = (mix64(key + 0x9E3779B97F4A7C15ULL) >> 11) * 0x1.0p-53;
    double r = sqrt(-2.0 * log(u1));
    *z0 = r * cos(2 * M_PI * u2);
    *z1 = r * sin(2 * M_PI * u2);
}

static void alpha_bar(int timesteps, double *out) {
    double prev = 1.0;
    for (int t = 0; t < timesteps; t++) {
        double beta = 1e-4 + (0.02 - 1e-4) * t / (timesteps - 1);
        out[t] = prev * (1 - beta);
        prev = out[t];
    }
}

static double demo(int particles, int steps) {
    static double px[N_DATA], py[N_DATA], sq[N_DATA], abar[100];
    for (int j = 0; j < N_DATA; j++) { /* two arcs; the values do not change the arithmetic */
        double th = M_PI * (j / 2) / (N_DATA / 2 - 1);
        px[j] = j % 2 ? 1 - cos(th) : cos(th);
        py[j] = j % 2 ? 0.5 - sin(th) : sin(th);
        sq[j] = px[j] * px[j] + py[j] * py[j];
    }
    alpha_bar(100, abar);
    double *x = malloc(sizeof(double) * 2 * particles);
    for (int i = 0; i < particles; i++) gaussian_pair(i, -1, &x[2 * i], &x[2 * i + 1]);
    double start = omp_get_wtime();
    steps = steps > 0 && steps < 100 ? steps : 100;
    for (int t = 99; t >= 100 - steps; t--) {
        double prev = t > 0 ? abar[t - 1] : 1.0, beta = 1 - abar[t] / prev, b2 = 1 - abar[t], a = sqrt(abar[t]);
        double c1 = beta * sqrt(prev) / b2, c2 = (1 - prev) * sqrt(1 - beta) / b2;
        double std = t > 0 ? sqrt(beta * (1 - prev) / b2) : 0, ka = a / b2, kq = a * a / (2 * b2);
        int step = 99 - t;
#pragma omp parallel for schedule(static)
        for (int i = 0; i < particles; i++) {
            double qx = x[2 * i] * ka, qy = x[2 * i + 1] * ka, m = -INFINITY, s0 = 0, s1 = 0, s2 = 0;
            double l[CHUNK];
            for (int c = 0; c < N_DATA; c += CHUNK) {
                int e = c + CHUNK < N_DATA ? c + CHUNK : N_DATA;
                double cm = -INFINITY;
                for (int j = c; j < e; j++) {
                    l[j - c] = qx * px[j] + qy * py[j] - kq * sq[j];
                    cm = l[j - c] > cm ? l[j - c] : cm;
                }
                if (cm > m) {
                    double r = exp(m - cm);
                    s0 *= r; s1 *= r; s2 *= r; m = cm;
                }
                for (int j = c; j < e; j++) {
                    double w = exp(l[j - c] - m);
                    s0 += w; s1 += w * px[j]; s2 += w * py[j];
                }
            }
            double nx = c1 * s1 / s0 + c2 * x[2 * i], ny = c1 * s2 / s0 + c2 * x[2 * i + 1];
            if (std > 0) {
                double z0, z1;
                gaussian_pair(i, step, &z0, &z1);
                nx += std * z0; ny += std * z1;
            }
            x[2 * i] = nx; x[2 * i + 1] = ny;
        }
    }
    double seconds = omp_get_wtime() - start;
    free(x);
    return particles * (double) steps / seconds;
}

static double gmm(int particles, int steps) {
    static const double w[3] = {0.3, 0.5, 0.2}, mu[3][2] = {{-2, 0}, {2, 1}, {0, -2}};
    static const double cov[3][3] = {{0.0625, 0, 0.0625}, {0.25, 0, 0.04}, {0.3, 0.2, 0.3}}; /* s00, s01, s11 */
    static double abar[1000];
    alpha_bar(1000, abar);
    double *x = malloc(sizeof(double) * 2 * particles);
    for (int i = 0; i < particles; i++) gaussian_pair(i, -1, &x[2 * i], &x[2 * i + 1]);
    double start = omp_get_wtime();
    steps = steps > 0 && steps < 50 ? steps : 50;
    for (int j = 0; j < steps; j++) {
        int tau = (int) lround(999 * (1 - j / 49.0)), next = j < 49 ? (int) lround(999 * (1 - (j + 1) / 49.0)) : -1;
        double ab = abar[tau], an = next >= 0 ? abar[next] : 1.0, a = sqrt(ab), b2 = 1 - ab, b = sqrt(b2);
        double ln[3], inv[3][3], gain[3][4];
        for (int k = 0; k < 3; k++) {
            double c00 = a * a * cov[k][0] + b2, c01 = a * a * cov[k][1], c11 = a * a * cov[k][2] + b2;
            double det = c00 * c11 - c01 * c01;
            inv[k][0] = c11 / det; inv[k][1] = -c01 / det; inv[k][2] = c00 / det;
            ln[k] = log(w[k]) - 0.5 * log(4 * M_PI * M_PI * det);
            /* a Sigma C^-1 */
            gain[k][0] = a * (cov[k][0] * inv[k][0] + cov[k][1] * inv[k][1]);
            gain[k][1] = a * (cov[k][0] * inv[k][1] + cov[k][1] * inv[k][2]);
            gain[k][2] = a * (cov[k][1] * inv[k][0] + cov[k][2] * inv[k][1]);
            gain[k][3] = a * (cov[k][1] * inv[k][1] + cov[k][2] * inv[k][2]);
        }
        double sn = sqrt(an), en = sqrt(1 - an);
#pragma omp parallel for schedule(static)
        for (int i = 0; i < particles; i++) {
            double l[3], mx[3], my[3], m = -INFINITY, s = 0, ex = 0, ey = 0;
            for (int k = 0; k < 3; k++) {
                double rx = x[2 * i] - a * mu[k][0], ry = x[2 * i + 1] - a * mu[k][1];
                l[k] = ln[k] - 0.5 * (rx * (inv[k][0] * rx + inv[k][1] * ry) + ry * (inv[k][1] * rx + inv[k][2] * ry));
                mx[k] = mu[k][0] + gain[k][0] * rx + gain[k][1] * ry;
                my[k] = mu[k][1] + gain[k][2] * rx + gain[k][3] * ry;
                m = l[k] > m ? l[k] : m;
            }
            for (int k = 0; k < 3; k++) {
                double r = exp(l[k] - m);
                s += r; ex += r * mx[k]; ey += r * my[k];
            }
            double x0 = ex / s, y0 = ey / s;
            double epsx = (x[2 * i] - a * x0) / b, epsy = (x[2 * i + 1] - a * y0) / b;
            x[2 * i] = sn * x0 + en * epsx;
            x[2 * i + 1] = sn * y0 + en * epsy;
        }
    }
    double seconds = omp_get_wtime() - start;
    free(x);
    return particles * (double) steps / seconds;
}

static int by_value(const void *a, const void *b) {
    double d = *(const double *) a - *(const double *) b;
    return (d > 0) - (d < 0);
}

int main(int argc, char **argv) {
    if (argc < 3 || (strcmp(argv[1], "demo") && strcmp(argv[1], "gmm"))) {
        fprintf(stderr, "usage: fused_probe demo|gmm PARTICLES [REPEATS [STEPS]]\n");
        return 2;
    }
    int particles = atoi(argv[2]), repeats = argc > 3 ? atoi(argv[3]) : 1, steps = argc > 4 ? atoi(argv[4]) : 0;
    double (*job)(int, int) = strcmp(argv[1], "demo") ? gmm : demo;
    double rates[64];
    repeats = repeats < 1 ? 1 : repeats > 64 ? 64 : repeats;
    job(particles / 10 > 0 ? particles / 10 : 1, steps);
    for (int r = 0; r < repeats; r++) rates[r] = job(particles, steps);
    qsort(rates, repeats, sizeof(double), by_value);
    printf("%s probe threads=%d particles=%d particle-steps/s %.6g\n", argv[1], omp_get_max_threads(), particles,
           rates[repeats / 2]);
    return 0;
}
