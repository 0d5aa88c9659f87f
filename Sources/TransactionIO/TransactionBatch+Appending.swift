extension TransactionBatch {
    /// Appends rows through the column pointers, taken once for a run of rows: `append` on
    /// the batch loads the storage and its nine column pointers again for every row, since the
    /// stores before it might have changed them. The rows count once `commit` stores the
    /// appender's count in the batch; until then the batch must not be used otherwise.
    struct Appender {
        let month: UnsafeMutablePointer<Int32>
        let hour: UnsafeMutablePointer<UInt8>
        let time: UnsafeMutablePointer<Int64>
        let consumerRegion: UnsafeMutablePointer<Int64>
        let merchantRegion: UnsafeMutablePointer<Int64>
        let industry: UnsafeMutablePointer<IndustryCode>
        let netAmount: UnsafeMutablePointer<Int64>
        let consumerKey: UnsafeMutablePointer<UInt64>
        let merchantKey: UnsafeMutablePointer<UInt64>
        /// Rows in the batch, these appended included.
        private(set) var count: Int
        /// The capacity of the columns: `append` requires `count < capacity`.
        let capacity: Int

        init(_ s: Storage) {
            month = s.month; hour = s.hour; time = s.time; consumerRegion = s.consumerRegion
            merchantRegion = s.merchantRegion; industry = s.industry; netAmount = s.netAmount
            consumerKey = s.consumerKey; merchantKey = s.merchantKey
            count = s.count
            capacity = s.capacity
        }

        /// Appends one row. Requires `count < capacity`.
        @inline(__always)
        mutating func append(month m: Int32, hour h: UInt8, time t: Int64, consumerRegion cr: Int64, merchantRegion mr: Int64,
                             industry i: IndustryCode, netAmount a: Int64, consumerKey ck: UInt64, merchantKey mk: UInt64) {
            assert(count < capacity)
            let k = count
            // Safe: k < capacity (the caller's requirement), and every column holds capacity rows.
            month[k] = m
            hour[k] = h
            time[k] = t
            consumerRegion[k] = cr
            merchantRegion[k] = mr
            industry[k] = i
            netAmount[k] = a
            consumerKey[k] = ck
            merchantKey[k] = mk
            count = k &+ 1
        }

        // Column by column into the next row (index `count`, not yet part of the batch):
        // `finishRow` writes the rest and appends it. Each requires `count < capacity`.
        // Safe (all below): count < capacity, and every column holds capacity rows.
        @inline(__always)
        func setTimestamp(_ t: ParsedTimestamp) {
            month[count] = t.month
            hour[count] = t.hour
            time[count] = t.epochSeconds
        }

        /// The date half of a split timestamp: the month and midnight of the day (days since
        /// 1970-01-01); `addTimeOfDay` completes it.
        @inline(__always)
        func setDate(month m: Int32, day: Int64) {
            month[count] = m
            time[count] = day &* 86_400
        }

        /// The clock-time half of a split timestamp, in seconds after midnight (0–86,399), added
        /// to the date `setDate` stored.
        @inline(__always)
        func addTimeOfDay(_ seconds: Int) {
            hour[count] = UInt8(truncatingIfNeeded: seconds / 3600)
            time[count] &+= Int64(seconds)
        }

        @inline(__always)
        func setConsumerRegion(_ v: Int64) { consumerRegion[count] = v }

        @inline(__always)
        func setMerchantRegion(_ v: Int64) { merchantRegion[count] = v }

        @inline(__always)
        func setIndustry(_ code: IndustryCode) { industry[count] = code }

        /// Writes the row's last columns and appends it; its timestamp, regions and industry
        /// must have been set.
        @inline(__always)
        mutating func finishRow(netAmount a: Int64, consumerKey ck: UInt64, merchantKey mk: UInt64) {
            assert(count < capacity)
            netAmount[count] = a
            consumerKey[count] = ck
            merchantKey[count] = mk
            count &+= 1
        }
    }

    /// An appender at the end of the batch, whose columns hold at least `capacity` rows
    /// (grown first if they do not).
    func appender(capacityAtLeast capacity: Int) -> Appender {
        let s = storage
        while s.capacity < capacity { s.grow() }
        return Appender(s)
    }

    /// Makes the rows appended through `appender` part of the batch.
    func commit(_ appender: Appender) {
        storage.count = appender.count
    }
}
