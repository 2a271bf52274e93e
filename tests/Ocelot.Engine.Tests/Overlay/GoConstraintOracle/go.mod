module ocelot.test/goconstraintoracle

go 1.19
