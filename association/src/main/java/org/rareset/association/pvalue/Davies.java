package org.rareset.association.pvalue;

/**
 * Davies (1980) algorithm AS 155 for the distribution of Q = sum_j lambda_j chi2(n_j, delta_j) +
 * sigma N(0,1), by numerical inversion of the characteristic function; a port of the logic of
 * {@code qfc.c} (as used by R SKAT and CompQuadForm). Its error bound {@code acc} is absolute,
 * so it cannot resolve tail probabilities much below acc: see {@link MixtureTail}.
 *
 * <p>Each call keeps its state in a fresh instance, so the class is thread-safe.
 */
public final class Davies {
    private static final double LOG28 = 0.0866; // log(2) / 8
    private static final double PI = Math.PI;
    private static final int[] RATS = {1, 2, 4, 8};

    /**
     * Result of one evaluation.
     *
     * @param upper  P(Q > q) = 1 - qfc's distribution function value
     * @param ifault 0 ok; 1 required accuracy not achieved; 2 round-off possibly significant;
     *               3 invalid parameters; 4 unable to locate integration parameters (term limit)
     * @param terms  integration terms used
     */
    public record Result(double upper, int ifault, int terms) {}

    /** Thrown internally when the counter exceeds the limit (qfc's longjmp). */
    private static final class LimitExceeded extends RuntimeException {
        LimitExceeded() {
            super(null, null, false, false);
        }
    }

    private final double[] lb;
    private final double[] nc;
    private final int[] n;
    private final int r;
    private final int lim;
    private final double c;
    private double sigsq;
    private double lmax;
    private double lmin;
    private double mean;
    private double intl;
    private double ersm;
    private int count;
    private boolean ndtsrt;
    private boolean fail;
    private final int[] th;

    private Davies(double[] lb, double[] nc, int[] n, double c, int lim) {
        this.lb = lb;
        this.nc = nc;
        this.n = n;
        this.r = lb.length;
        this.c = c;
        this.lim = lim;
        this.th = new int[r];
    }

    /** Upper tail of a central mixture sum_j lambda_j chi2_1 at q. */
    public static Result upperTail(double q, double[] lambda, double acc, int lim) {
        int[] df = new int[lambda.length];
        java.util.Arrays.fill(df, 1);
        return qfc(lambda, new double[lambda.length], df, 0.0, q, lim, acc);
    }

    /**
     * The general form of qfc: returns 1 - P(Q < c) in {@link Result#upper()}.
     *
     * @param lambda coefficients, {@code delta} non-centralities, {@code df} degrees of freedom,
     *               {@code sigma} coefficient of the normal term
     */
    public static Result qfc(double[] lambda, double[] delta, int[] df, double sigma, double c, int lim, double acc) {
        Davies d = new Davies(lambda, delta, df, c, lim);
        double[] qf = new double[1];
        int[] terms = new int[1];
        int ifault;
        try {
            ifault = d.run(sigma, acc, qf, terms);
        } catch (LimitExceeded e) {
            ifault = 4;
            qf[0] = -1.0;
        }
        return new Result(1.0 - qf[0], ifault, terms[0]);
    }

    private void counter() {
        count++;
        if (count > lim) throw new LimitExceeded();
    }

    private static double exp1(double x) {
        return x < -50.0 ? 0.0 : Math.exp(x);
    }

    private static double square(double x) {
        return x * x;
    }

    /** first: log(1 + x); else log(1 + x) - x. */
    private static double log1(double x, boolean first) {
        if (Math.abs(x) > 0.1) {
            return first ? Math.log(1.0 + x) : (Math.log(1.0 + x) - x);
        }
        double y = x / (2.0 + x);
        double term = 2.0 * y * y * y;
        double k = 3.0;
        double s = (first ? 2.0 : -x) * y;
        y = y * y;
        for (double s1 = s + term / k; s1 != s; s1 = s + term / k) {
            k = k + 2.0;
            term = term * y;
            s = s1;
        }
        return s;
    }

    /** Order of absolute values of lb, descending, into th. */
    private void order() {
        for (int j = 0; j < r; j++) {
            double lj = Math.abs(lb[j]);
            int k;
            boolean placed = false;
            for (k = j - 1; k >= 0; k--) {
                if (lj > Math.abs(lb[th[k]])) {
                    th[k + 1] = th[k];
                } else {
                    placed = true;
                    break;
                }
            }
            if (!placed) k = -1;
            th[k + 1] = j;
        }
        ndtsrt = false;
    }

    /** Bound on tail probability using the mgf; cutoff point returned in cx[0]. */
    private double errbd(double u, double[] cx) {
        counter();
        double xconst = u * sigsq;
        double sum1 = u * xconst;
        u = 2.0 * u;
        for (int j = r - 1; j >= 0; j--) {
            int nj = n[j];
            double lj = lb[j];
            double ncj = nc[j];
            double x = u * lj;
            double y = 1.0 - x;
            xconst = xconst + lj * (ncj / y + nj) / y;
            sum1 = sum1 + ncj * square(x / y) + nj * (square(x) / y + log1(-x, false));
        }
        cx[0] = xconst;
        return exp1(-0.5 * sum1);
    }

    /** Find ctff so that P(qf > ctff) < accx if upn > 0, P(qf < ctff) < accx otherwise. */
    private double ctff(double accx, double[] upn) {
        double u2 = upn[0];
        double u1 = 0.0;
        double c1 = mean;
        double[] c2 = new double[1];
        double[] xconst = new double[1];
        double rb = 2.0 * ((u2 > 0.0) ? lmax : lmin);
        for (double u = u2 / (1.0 + u2 * rb); errbd(u, c2) > accx; u = u2 / (1.0 + u2 * rb)) {
            u1 = u2;
            c1 = c2[0];
            u2 = 2.0 * u2;
        }
        double c2v = c2[0];
        for (double u = (c1 - mean) / (c2v - mean); u < 0.9; u = (c1 - mean) / (c2v - mean)) {
            u = (u1 + u2) / 2.0;
            if (errbd(u / (1.0 + u * rb), xconst) > accx) {
                u1 = u;
                c1 = xconst[0];
            } else {
                u2 = u;
                c2v = xconst[0];
            }
        }
        upn[0] = u2;
        return c2v;
    }

    /** Bound integration error due to truncation at u. */
    private double truncation(double u, double tausq) {
        counter();
        double sum1 = 0.0;
        double prod2 = 0.0;
        double prod3 = 0.0;
        int s = 0;
        double sum2 = (sigsq + tausq) * square(u);
        double prod1 = 2.0 * sum2;
        u = 2.0 * u;
        for (int j = 0; j < r; j++) {
            double lj = lb[j];
            double ncj = nc[j];
            int nj = n[j];
            double x = square(u * lj);
            sum1 = sum1 + ncj * x / (1.0 + x);
            if (x > 1.0) {
                prod2 = prod2 + nj * Math.log(x);
                prod3 = prod3 + nj * log1(x, true);
                s = s + nj;
            } else {
                prod1 = prod1 + nj * log1(x, true);
            }
        }
        sum1 = 0.5 * sum1;
        prod2 = prod1 + prod2;
        prod3 = prod1 + prod3;
        double x = exp1(-sum1 - 0.25 * prod2) / PI;
        double y = exp1(-sum1 - 0.25 * prod3) / PI;
        double err1 = (s == 0) ? 1.0 : x * 2.0 / s;
        double err2 = (prod3 > 1.0) ? 2.5 * y : 1.0;
        if (err2 < err1) err1 = err2;
        x = 0.5 * sum2;
        err2 = (x <= y) ? 1.0 : y / x;
        return (err1 < err2) ? err1 : err2;
    }

    /** Find u such that truncation(u) < accx and truncation(u / 1.2) > accx. */
    private double findu(double utx, double accx) {
        final double[] divis = {2.0, 1.4, 1.2, 1.1};
        double ut = utx;
        double u = ut / 4.0;
        if (truncation(u, 0.0) > accx) {
            for (u = ut; truncation(u, 0.0) > accx; u = ut) ut = ut * 4.0;
        } else {
            ut = u;
            for (u = u / 4.0; truncation(u, 0.0) <= accx; u = u / 4.0) ut = u;
        }
        for (int i = 0; i < 4; i++) {
            u = ut / divis[i];
            if (truncation(u, 0.0) <= accx) ut = u;
        }
        return ut;
    }

    /** Integration with nterm terms at stepsize interv; if !mainx multiply by 1 - exp(-0.5 tausq u^2). */
    private void integrate(int nterm, double interv, double tausq, boolean mainx) {
        double inpi = interv / PI;
        for (int k = nterm; k >= 0; k--) {
            double u = (k + 0.5) * interv;
            double sum1 = -2.0 * u * c;
            double sum2 = Math.abs(sum1);
            double sum3 = -0.5 * sigsq * square(u);
            for (int j = r - 1; j >= 0; j--) {
                int nj = n[j];
                double x = 2.0 * lb[j] * u;
                double y = square(x);
                sum3 = sum3 - 0.25 * nj * log1(y, true);
                y = nc[j] * x / (1.0 + y);
                double z = nj * Math.atan(x) + y;
                sum1 = sum1 + z;
                sum2 = sum2 + Math.abs(z);
                sum3 = sum3 - 0.5 * x * y;
            }
            double x = inpi * exp1(sum3) / u;
            if (!mainx) x = x * (1.0 - exp1(-0.5 * tausq * square(u)));
            sum1 = Math.sin(0.5 * sum1) * x;
            sum2 = 0.5 * sum2 * x;
            intl = intl + sum1;
            ersm = ersm + sum2;
        }
    }

    /** Coefficient of tausq in error when convergence factor exp1(-0.5 tausq u^2) is used at x. */
    private double cfe(double x) {
        counter();
        if (ndtsrt) order();
        double axl = Math.abs(x);
        double sxl = (x > 0.0) ? 1.0 : -1.0;
        double sum1 = 0.0;
        for (int j = r - 1; j >= 0; j--) {
            int t = th[j];
            if (lb[t] * sxl > 0.0) {
                double lj = Math.abs(lb[t]);
                double axl1 = axl - lj * (n[t] + nc[t]);
                double axl2 = lj / LOG28;
                if (axl1 > axl2) {
                    axl = axl1;
                } else {
                    if (axl > axl2) axl = axl2;
                    sum1 = (axl - axl1) / lj;
                    for (int k = j - 1; k >= 0; k--) sum1 = sum1 + (n[th[k]] + nc[th[k]]);
                    break;
                }
            }
        }
        if (sum1 > 100.0) {
            fail = true;
            return 1.0;
        }
        return Math.pow(2.0, sum1 / 4.0) / (PI * square(axl));
    }

    private int run(double sigma, double acc, double[] qfval, int[] terms) {
        double xlim = lim;
        intl = 0.0;
        ersm = 0.0;
        qfval[0] = -1.0;
        double acc1 = acc;
        ndtsrt = true;
        fail = false;
        sigsq = square(sigma);
        double sd = sigsq;
        lmax = 0.0;
        lmin = 0.0;
        mean = 0.0;
        for (int j = 0; j < r; j++) {
            int nj = n[j];
            double lj = lb[j];
            double ncj = nc[j];
            if (nj < 0 || ncj < 0.0) return 3;
            sd = sd + square(lj) * (2 * nj + 4.0 * ncj);
            mean = mean + lj * (nj + ncj);
            if (lmax < lj) lmax = lj;
            else if (lmin > lj) lmin = lj;
        }
        if (sd == 0.0) {
            qfval[0] = (c > 0.0) ? 1.0 : 0.0;
            return 0;
        }
        if ((lmin == 0.0) && (lmax == 0.0) && (sigma == 0.0)) return 3;
        sd = Math.sqrt(sd);
        double almx = (lmax < -lmin) ? -lmin : lmax;

        // starting values for findu, ctff
        double utx = 16.0 / sd;
        double[] up = {4.5 / sd};
        double[] un = {-up[0]};
        // truncation point with no convergence factor
        utx = findu(utx, .5 * acc1);
        // does convergence factor help
        if (c != 0.0 && (almx > 0.07 * sd)) {
            double tausq = .25 * acc1 / cfe(c);
            if (fail) {
                fail = false;
            } else if (truncation(utx, tausq) < .2 * acc1) {
                sigsq = sigsq + tausq;
                utx = findu(utx, .25 * acc1);
            }
        }
        acc1 = 0.5 * acc1;

        double intv;
        double xnt;
        while (true) {
            // find range of distribution, quit if outside this
            double d1 = ctff(acc1, up) - c;
            if (d1 < 0.0) {
                qfval[0] = 1.0;
                return 0;
            }
            double d2 = c - ctff(acc1, un);
            if (d2 < 0.0) {
                qfval[0] = 0.0;
                return 0;
            }
            // find integration interval
            intv = 2.0 * PI / ((d1 > d2) ? d1 : d2);
            // number of terms required for main and auxiliary integrations
            xnt = utx / intv;
            double xntm = 3.0 / Math.sqrt(acc1);
            if (xnt > xntm * 1.5) {
                // parameters for auxiliary integration
                if (xntm > xlim) return 1;
                int ntm = (int) Math.floor(xntm + 0.5);
                double intv1 = utx / ntm;
                double x = 2.0 * PI / intv1;
                if (x <= Math.abs(c)) break;
                // calculate convergence factor
                double tausq = .33 * acc1 / (1.1 * (cfe(c - x) + cfe(c + x)));
                if (fail) break;
                acc1 = .67 * acc1;
                // auxiliary integration
                integrate(ntm, intv1, tausq, false);
                xlim = xlim - xntm;
                sigsq = sigsq + tausq;
                terms[0] += ntm + 1;
                // find truncation point with new convergence factor
                utx = findu(utx, .25 * acc1);
                acc1 = 0.75 * acc1;
                continue;
            }
            break;
        }
        // main integration
        if (xnt > xlim) return 1;
        int nt = (int) Math.floor(xnt + 0.5);
        integrate(nt, intv, 0.0, true);
        terms[0] += nt + 1;
        qfval[0] = 0.5 - intl;

        // test whether round-off error could be significant; allow for radix 8 or 16 machines
        double upv = ersm;
        double x = upv + acc / 10.0;
        int ifault = 0;
        for (int j = 0; j < 4; j++) {
            if (RATS[j] * x == RATS[j] * upv) ifault = 2;
        }
        return ifault;
    }
}
