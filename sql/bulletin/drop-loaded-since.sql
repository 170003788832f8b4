-- Whether any drop dated :day or later has been loaded: a record of a day comes in that day's drop or a later one
-- (feeds.md: late arrivals and corrections), so while none has, the day's figures are not in the database yet and
-- its daily bulletin says 数据未到, whoever renders it. A drop of an earlier day may carry a record or two of the
-- next day; that is no day's data having arrived.
SELECT EXISTS (SELECT 1 FROM drop_load WHERE drop_date >= :day)
