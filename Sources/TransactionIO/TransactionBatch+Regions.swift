extension TransactionBatch {
    /// Cuts every region code of more than `digits` digits to its first `digits` digits, in
    /// place: 10-digit 법정동 or 행정동 codes (4711110100) become their 5-digit 시군구 (47111) with
    /// `digits` 5, or their 2-digit 시도 (47) with 2. Korean region codes have no leading zero
    /// (시도 codes run from 11 to 52), so a code's digits are those of its value.
    public func truncateRegions(toDigits digits: Int) {
        guard digits >= 1 && digits <= 18 else { return }
        var limit: Int64 = 1
        for _ in 0..<digits { limit *= 10 }
        let s = storage
        // Safe: both columns hold `count` initialized values.
        for column in [s.consumerRegion, s.merchantRegion] {
            for k in 0..<s.count where column[k] >= limit {
                var v = column[k]
                while v >= limit { v /= 10 }
                column[k] = v
            }
        }
    }
}

extension TransactionBatch {
    /// Renames region codes in place (`RegionCodeRules.renames`: old → new, one step).
    public func renameRegions(_ renames: [Int64: Int64]) {
        let s = storage
        // Safe: both columns hold `count` initialized values.
        for column in [s.consumerRegion, s.merchantRegion] {
            for k in 0..<s.count {
                if let to = renames[column[k]] { column[k] = to }
            }
        }
    }
}
