import SalientCore
import Testing

@testable import SalientJobs

@Suite struct SnapshotPlanTests {
    let days = CalendarDay.range(CalendarDay("2024-01-01")!, through: CalendarDay("2024-01-10")!)

    /// The chunks are consecutive, as even as the ceiling of days / workers allows, and cover every day once.
    @Test func chunksCoverTheDaysInOrder() {
        let plan = SnapshotPlan(days: days, jobs: 3)
        #expect(plan.chunks.map(\.count) == [4, 4, 2])
        #expect(Array(plan.chunks.joined()) == days)
    }

    /// More workers than days gives one day a chunk; no jobs asked and few days gives one chunk.
    @Test func workersAreBoundedByTheDays() {
        #expect(SnapshotPlan(days: days, jobs: 50).chunks.count == 10)
        #expect(SnapshotPlan(days: days, jobs: 0).chunks.count == 1)
        #expect(SnapshotPlan(days: days, jobs: nil, cores: 8).chunks.count == 1)
        let long = CalendarDay.range(days[0], through: days[0].adding(days: 199))
        #expect(SnapshotPlan(days: long, jobs: nil, cores: 8).chunks.map(\.count) == [67, 67, 66])
        #expect(SnapshotPlan(days: long, jobs: nil, cores: 2).chunks.count == 2)
    }
}
