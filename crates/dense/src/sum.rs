//! The summation orders of the reference (NumPy/SciPy), so that keys and scores are bit-identical.
//!
//! Floating-point addition is not associative; to make the same choices as the reference on ties
//! we add in the same order it does:
//! - a total over an array (`np.sum`) is NumPy's *pairwise* sum ([`pairwise`]);
//! - a row sum (`np.add.reduceat` over the row's entries in the order SciPy's sparse product
//!   leaves them: descending column) is the first entry plus the pairwise sum of the rest;
//! - a column sum (a sparse matrix–vector product) is sequential, in ascending row order.

/// NumPy's pairwise summation: blocks of at most 128 added with eight accumulators, larger
/// arrays split in two at a multiple of eight.
pub(crate) fn pairwise(a: &[f64]) -> f64 {
    let n = a.len();
    if n < 8 {
        let mut s = -0.0;
        for &x in a {
            s += x;
        }
        s
    } else if n <= 128 {
        let mut r = [a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]];
        let full = n - n % 8;
        let mut i = 8;
        while i < full {
            for (j, rj) in r.iter_mut().enumerate() {
                *rj += a[i + j];
            }
            i += 8;
        }
        let mut s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for &x in &a[full..] {
            s += x;
        }
        s
    } else {
        let mut half = n / 2;
        half -= half % 8;
        pairwise(&a[..half]) + pairwise(&a[half..])
    }
}

/// `np.add.reduceat` over one segment: the first value plus the pairwise sum of the others
/// (0 for an empty segment).
pub(crate) fn reduceat(a: &[f64]) -> f64 {
    match a.split_first() {
        None => 0.0,
        Some((first, rest)) => first + pairwise(rest),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairwise_differs_from_sequential_as_numpy_does() {
        // 1 + 1e-16 * 7 sequentially stays 1; pairwise adds the small ones first.
        let mut a = vec![1e-16; 16];
        a[0] = 1.0;
        let seq: f64 = a.iter().fold(0.0, |s, x| s + x);
        assert_eq!(seq, 1.0);
        assert!(pairwise(&a) > 1.0);
        // Exact on integers whatever the order.
        let ints: Vec<f64> = (0..1000).map(f64::from).collect();
        assert_eq!(pairwise(&ints), 499_500.0);
        assert_eq!(reduceat(&ints), 499_500.0);
        assert_eq!(reduceat(&[]), 0.0);
    }
}
