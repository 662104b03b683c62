// Hangfire keeps its log provider in a static, set to the logger factory of whichever test host last resolved
// Hangfire; a host disposed while another still runs would make the other's job submissions fail with an
// ObjectDisposedException. One test class at a time means one live host at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
